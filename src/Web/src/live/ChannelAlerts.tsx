import { channelLink } from '../shared/useHashRoute';
import type { ChannelAlert } from './useChannelAlerts';

interface Props {
  alerts: ChannelAlert[];
  onDismiss: (key: number) => void;
}

/** Admins' notifications that a channel went wrong or recovered, on every page; one click shows the channel's health. */
export function ChannelAlerts({ alerts, onDismiss }: Props) {
  if (alerts.length === 0) return null;
  return (
    <div className="channel-alerts" role="status" aria-live="polite" data-testid="channel-alerts">
      {alerts.map((a) => (
        <div key={a.key} className={`channel-alert channel-alert--${a.status}`} data-testid="channel-alert" data-channel-id={a.channelId} data-status={a.status}>
          <span data-testid="channel-alert-text">{a.text}</span>
          <a className="button button--small" href={channelLink(a.channelId)} onClick={() => onDismiss(a.key)} data-testid="channel-alert-open">
            Channel health
          </a>
          <button type="button" className="button button--small button--ghost" onClick={() => onDismiss(a.key)} data-testid="channel-alert-dismiss">
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
