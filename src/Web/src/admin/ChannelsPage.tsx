import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { EventNames } from '../api/events';
import { api } from '../api/rest';
import type { ChannelDetails, Platform, PlatformForm } from '../api/types';
import { platformName } from '../inbox/conversations';
import type { LiveConnection } from '../live/useLiveConnection';
import { ChannelCard } from './ChannelCard';
import { useChannelHealth } from './useChannelHealth';

interface Props {
  live: LiveConnection;
  /** The channel to show first (scrolled to and marked), e.g. from an alert's link. */
  focusChannelId?: string;
}

/**
 * Admins connect a platform channel and get back what to paste into the platform's console; every connected channel
 * shows its status and sending health live, with what to do about it (reconnect, change the pace).
 */
export function ChannelsPage({ live, focusChannelId }: Props) {
  const [channels, setChannels] = useState<ChannelDetails[]>([]);
  const [platforms, setPlatforms] = useState<PlatformForm[]>([]);
  const [platform, setPlatform] = useState<Platform>('whatsapp');
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [connected, setConnected] = useState<ChannelDetails | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const [list, forms] = await Promise.all([api.listChannels(), api.listPlatforms()]);
      setChannels(list);
      setPlatforms(forms);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The channels could not be read.');
    }
  }, []);

  const health = useChannelHealth(live);

  useEffect(() => {
    void load();
    return live.subscribe({
      onOrganisationEvent: (event) => {
        const channel = event.channel;
        if (event.type !== EventNames.ChannelStatusChanged || !channel) return;
        setChannels((list) => list.map((d) => (d.channel.channelId === channel.channelId ? { ...d, channel } : d)));
      },
      onReconnected: () => void load(),
    });
  }, [live.subscribe, load]);

  // Scrolled to once it is on the page with its health: both arrive after the route, and every card above grows when
  // its own health arrives, so scrolling any earlier would leave the channel further down.
  const focusReady =
    !!focusChannelId && channels.some((d) => d.channel.channelId === focusChannelId) && (health.byChannel.has(focusChannelId) || health.error !== null);
  useEffect(() => {
    if (focusChannelId && focusReady) document.getElementById(`channel-${focusChannelId}`)?.scrollIntoView({ block: 'start' });
  }, [focusChannelId, focusReady]);

  const form = platforms.find((p) => p.platform === platform);

  async function connect(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const fields = Object.fromEntries(Object.entries(values).filter(([field, value]) => value.trim() !== '' && form?.fields.some((f) => f.name === field)));
      const details = await api.connectChannel(platform, name.trim(), fields);
      setConnected(details);
      setName('');
      setValues({});
      await load();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The channel could not be connected.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="admin" data-testid="channels-page">
      <h1>Channels</h1>
      <form className="panel connect-channel" data-testid="connect-channel-form" onSubmit={(e) => void connect(e)}>
        <h2>Connect a channel</h2>
        <div className="invite__row">
          <label className="field">
            <span>Platform</span>
            <select name="platform" value={platform} onChange={(e) => setPlatform(e.target.value as Platform)} data-testid="connect-platform">
              {platforms.map((p) => (
                <option key={p.platform} value={p.platform}>
                  {platformName(p.platform)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Name agents see</span>
            <input name="name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} data-testid="connect-name" />
          </label>
        </div>
        {form?.fields.map((field) => (
          <label className="field" key={`${platform}-${field.name}`}>
            <span>
              {field.name}
              {field.kind === 'generated' && <span className="muted"> (leave empty to generate)</span>}
            </span>
            <input
              name={field.name}
              type={field.kind === 'secret' ? 'password' : 'text'}
              autoComplete="off"
              required={field.kind !== 'generated'}
              value={values[field.name] ?? ''}
              onChange={(e) => setValues({ ...values, [field.name]: e.target.value })}
              data-testid={`connect-field-${field.name}`}
            />
            <small className="muted">{field.description}</small>
          </label>
        ))}
        {error && (
          <p className="form-error" role="alert" data-testid="connect-error">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy || !form} data-testid="connect-submit">
          {busy ? 'Connecting…' : 'Connect'}
        </button>
      </form>
      {connected && (
        <div className="callout callout--ok" role="status" data-testid="connected-callout">
          Connected {connected.channel.name}. Paste the webhook URL{Object.keys(connected.settings ?? {}).length > 0 ? ' and the values below' : ''} into{' '}
          {platformName(connected.channel.platform)}:
          <ChannelCard details={connected} />
        </div>
      )}
      <section>
        <h2>Connected channels</h2>
        {health.error && (
          <p className="form-error" role="alert" data-testid="channel-health-error">
            {health.error}
          </p>
        )}
        {channels.map((details) => (
          <ChannelCard
            key={details.channel.channelId}
            details={details}
            actions={{
              health: health.byChannel.get(details.channel.channelId),
              form: platforms.find((p) => p.platform === details.channel.platform),
              focused: details.channel.channelId === focusChannelId,
              onChanged: (changed) => {
                setChannels((list) => list.map((c) => (c.channel.channelId === changed.channel.channelId ? changed : c)));
                health.applyChannel(changed.channel);
                health.reload();
              },
              onHealth: health.apply,
            }}
          />
        ))}
      </section>
    </main>
  );
}
