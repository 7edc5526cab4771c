import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/rest';
import type { ChannelDetails, Platform, PlatformForm } from '../api/types';
import { platformName } from '../inbox/conversations';
import { formatFull } from '../shared/format';

const pasteWhere: Record<string, string> = {
  whatsapp: 'Meta App Dashboard → WhatsApp → Configuration → Webhook: paste the URL and the verify token, then subscribe to "messages".',
  messenger: 'Meta App Dashboard → Messenger → Webhooks: paste the URL and the verify token, then subscribe to messages, message_deliveries and message_reads.',
  instagram: 'Meta App Dashboard → Instagram → Webhooks: paste the URL and the verify token, then subscribe to messages.',
  telegram: 'Call setWebhook with url = the webhook URL and secret_token = the secret token.',
  line: 'LINE Developers console → Messaging API → Webhook URL: paste the URL, turn "Use webhook" on and press Verify.',
  wechat: 'Official Account Platform → Settings and development → Basic configuration → Server: paste the URL and the token, plaintext mode.',
};

function webhookUrl(details: ChannelDetails): string | null {
  return details.webhookPath ? `${window.location.origin}${details.webhookPath}` : null;
}

/** One channel: where the platform must send webhooks, the values to paste there, and which secrets are set. */
function ChannelCard({ details, onChanged }: { details: ChannelDetails; onChanged?: (details: ChannelDetails) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const disabled = details.channel.status === 'disabled';
  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      onChanged?.(await api.setChannelEnabled(details.channel.channelId, disabled));
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The channel could not be changed.');
    } finally {
      setBusy(false);
    }
  };
  const url = webhookUrl(details);
  const websiteToken = details.channel.platform === 'webchat' ? details.settings?.websiteToken : undefined;
  const widget = websiteToken ? `${window.location.origin}/widget.html?websiteToken=${encodeURIComponent(websiteToken)}` : null;
  return (
    <article className="panel channel-card" data-testid="channel-card" data-channel-id={details.channel.channelId} data-status={details.channel.status}>
      <h3>
        <span className={`tag platform--${details.channel.platform}`}>{platformName(details.channel.platform)}</span> {details.channel.name}
        {disabled && (
          <span className="tag tag--danger" data-testid="channel-disabled">
            disabled
          </span>
        )}
      </h3>
      {onChanged && (
        <p className="channel-card__status">
          <button type="button" className="button button--small" data-testid="channel-toggle" disabled={busy} onClick={() => void toggle()}>
            {disabled ? 'Enable' : 'Disable'}
          </button>{' '}
          <span className="muted">
            {disabled
              ? `Agents cannot reply on it; new messages are acknowledged to the platform but not shown (${details.discardedWhileDisabled} so far).`
              : 'Disabling stops replies and hides new messages; every conversation stays readable.'}
          </span>
          {error && (
            <span className="form-error" role="alert">
              {' '}
              {error}
            </span>
          )}
        </p>
      )}
      {url && (
        <dl className="channel-card__values">
          <dt>Webhook URL</dt>
          <dd>
            <code data-testid="channel-webhook-url">{url}</code>
          </dd>
          {Object.entries(details.settings ?? {}).map(([name, value]) => (
            <div key={name} className="channel-card__row">
              <dt>{name}</dt>
              <dd>
                <code data-testid={`channel-setting-${name}`}>{value}</code>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {url && <p className="muted">{pasteWhere[details.channel.platform]}</p>}
      {widget && (
        <p className="muted">
          Chat widget for the website: <code data-testid="channel-widget-url">{widget}</code> (link to it, or open it in an iframe).
        </p>
      )}
      <p className="muted">
        Secrets set: {details.credentialFields.filter((f) => !(f in (details.settings ?? {}))).join(', ') || 'none'}
        {details.credentialsUpdatedAt && ` · last changed ${formatFull(details.credentialsUpdatedAt)}`}
      </p>
    </article>
  );
}

/** Admins connect a platform channel and get back what to paste into the platform's console. */
export function ChannelsPage() {
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

  useEffect(() => {
    void load();
  }, [load]);

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
        {channels.map((details) => (
          <ChannelCard
            key={details.channel.channelId}
            details={details}
            onChanged={(changed) => setChannels((list) => list.map((c) => (c.channel.channelId === changed.channel.channelId ? changed : c)))}
          />
        ))}
      </section>
    </main>
  );
}
