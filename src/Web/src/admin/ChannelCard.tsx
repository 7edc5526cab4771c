import { useState } from 'react';
import { api } from '../api/rest';
import type { ChannelDetails, ChannelHealth, PlatformForm } from '../api/types';
import { platformName } from '../inbox/conversations';
import { formatFull } from '../shared/format';
import { ChannelHealthPanel } from './ChannelHealthPanel';
import { ChannelStatusBadge } from './ChannelStatusBadge';
import { CredentialsForm } from './CredentialsForm';

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

/** What an admin can do with a listed channel; the card just connected shows none of it. */
export interface ChannelCardActions {
  /** The channel's sending health, once read (platform channels). */
  health?: ChannelHealth;
  /** The platform's connect form, for changing credentials. */
  form?: PlatformForm;
  /** Shown as the one asked for (a link from an alert). */
  focused?: boolean;
  onChanged: (details: ChannelDetails) => void;
  onHealth: (health: ChannelHealth) => void;
}

/**
 * One channel: its status and sending health, where the platform must send webhooks and the values to paste there,
 * which secrets are set, and the way to reconnect it with new ones.
 */
export function ChannelCard({ details, actions }: { details: ChannelDetails; actions?: ChannelCardActions }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [credentials, setCredentials] = useState<{ open: boolean; reveal: number }>({ open: false, reveal: 0 });
  const [saved, setSaved] = useState<string | null>(null);
  const health = actions?.health;
  // Health is read every few seconds and on every status event; the details only when the admin changes something.
  const channel = health?.channel ?? details.channel;
  const disabled = channel.status === 'disabled';
  const platformChannel = channel.platform !== 'webchat';

  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      actions?.onChanged(await api.setChannelEnabled(channel.channelId, disabled));
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The channel could not be changed.');
    } finally {
      setBusy(false);
    }
  };

  const openCredentials = () => {
    setSaved(null);
    setCredentials((c) => ({ open: true, reveal: c.reveal + 1 }));
  };

  const url = webhookUrl(details);
  const websiteToken = channel.platform === 'webchat' ? details.settings?.websiteToken : undefined;
  const widget = websiteToken ? `${window.location.origin}/widget.html?websiteToken=${encodeURIComponent(websiteToken)}` : null;
  return (
    <article
      id={actions ? `channel-${channel.channelId}` : undefined}
      className={`panel channel-card${actions?.focused ? ' channel-card--focused' : ''}`}
      data-testid="channel-card"
      data-channel-id={channel.channelId}
      data-status={channel.status}
    >
      <h3>
        <span className={`tag platform--${channel.platform}`}>{platformName(channel.platform)}</span> {channel.name}{' '}
        <ChannelStatusBadge channel={channel} />
      </h3>
      {actions && (
        <p className="channel-card__status">
          <button type="button" className="button button--small" data-testid="channel-toggle" disabled={busy} onClick={() => void toggle()}>
            {disabled ? 'Enable' : 'Disable'}
          </button>{' '}
          <span className="muted">
            {disabled
              ? `Agents cannot reply on it; new messages are acknowledged to the platform but not shown (${health?.discardedWhileDisabled ?? details.discardedWhileDisabled} so far).`
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
      {actions && health && platformChannel && <ChannelHealthPanel health={health} onChanged={actions.onHealth} onReconnect={openCredentials} />}
      {saved && (
        <p className="callout callout--ok" role="status" data-testid="credentials-saved">
          {saved}
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
      {url && <p className="muted">{pasteWhere[channel.platform]}</p>}
      {widget && (
        <p className="muted">
          Chat widget for the website: <code data-testid="channel-widget-url">{widget}</code> (link to it, or open it in an iframe).
        </p>
      )}
      <p className="muted">
        Secrets set: {details.credentialFields.filter((f) => !(f in (details.settings ?? {}))).join(', ') || 'none'}
        {details.credentialsUpdatedAt && ` · last changed ${formatFull(details.credentialsUpdatedAt)}`}
        {actions?.form && platformChannel && !credentials.open && (
          <>
            {' '}
            <button type="button" className="button button--small button--ghost" onClick={openCredentials} data-testid="channel-credentials-open">
              Change credentials
            </button>
          </>
        )}
      </p>
      {actions?.form && platformChannel && credentials.open && (
        <CredentialsForm
          details={details}
          form={actions.form}
          reconnecting={channel.status === 'needs_reconnect'}
          reveal={credentials.reveal}
          onCancel={() => setCredentials((c) => ({ ...c, open: false }))}
          onSaved={(changed) => {
            const wasHeld = channel.status === 'needs_reconnect';
            setCredentials((c) => ({ ...c, open: false }));
            setSaved(wasHeld ? 'New credentials saved: held replies are going out.' : 'New credentials saved.');
            actions.onChanged(changed);
          }}
        />
      )}
    </article>
  );
}
