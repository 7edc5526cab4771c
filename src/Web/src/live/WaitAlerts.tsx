import type { WaitAlert } from '../api/types';
import { formatMessageTime } from '../shared/format';
import { waitedFor } from '../shared/waiting';
import { useNow } from '../shared/useNow';

interface Props {
  alerts: WaitAlert[];
  onDismiss: (conversationId: string) => void;
}

/** Supervisors' banner: a customer has waited past the organisation's threshold; one click opens the conversation. */
export function WaitAlerts({ alerts, onDismiss }: Props) {
  const now = useNow(1_000);
  if (alerts.length === 0) return null;
  return (
    <div className="wait-alerts" role="alert" data-testid="wait-alerts">
      {alerts.map((a) => (
        <div key={a.conversationId} className="wait-alert" data-testid="wait-alert" data-conversation-id={a.conversationId}>
          <span>
            {a.contactName || `A customer on ${a.channelId}`} has waited {waitedFor(a.waitingSince, now)} (since {formatMessageTime(a.waitingSince)})
            {a.priority !== 'none' ? `, ${a.priority} priority` : ''}.
          </span>
          <a className="button button--small" href={`#/conversations/${encodeURIComponent(a.conversationId)}`} onClick={() => onDismiss(a.conversationId)}>
            Open
          </a>
          <button type="button" className="button button--small button--ghost" onClick={() => onDismiss(a.conversationId)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
