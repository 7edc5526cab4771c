import type { ConversationSummary } from '../api/types';
import { ContactAvatar } from '../shared/ContactAvatar';
import { formatFull, formatListTime } from '../shared/format';
import { waitedFor } from '../shared/waiting';
import { platformName } from './conversations';

interface Props {
  conversation: ConversationSummary;
  active: boolean;
  unread: number;
  /** Who holds it ("You" for oneself); null when nobody does. */
  assigneeName: string | null;
  /** The time now, for how long a waiting customer has waited. */
  now: number;
  onOpen: (conversationId: string) => void;
}

export function ConversationListItem({ conversation: c, active, unread, assigneeName, now, onOpen }: Props) {
  const classes = ['conversation', active && 'conversation--active', unread > 0 && 'conversation--unread']
    .filter(Boolean)
    .join(' ');
  return (
    <li data-testid="conversation-item" data-conversation-id={c.conversationId} data-unread={unread}>
      <button
        type="button"
        className={classes}
        aria-current={active ? 'true' : undefined}
        onClick={() => onOpen(c.conversationId)}
      >
        <ContactAvatar conversation={c} />
        <span className="conversation__main">
          <span className="conversation__top">
            <span className="conversation__name" data-testid="conversation-name">
              {c.contactName}
            </span>
            <time className="conversation__time" dateTime={c.lastActivityAt} title={formatFull(c.lastActivityAt)}>
              {formatListTime(c.lastActivityAt)}
            </time>
          </span>
          <span className="conversation__bottom">
            <span className="conversation__preview" data-testid="conversation-preview">
              {c.lastMessagePreview}
            </span>
            {unread > 0 && (
              <span className="badge" data-testid="unread-count" aria-label={`${unread} unread`}>
                {unread}
              </span>
            )}
          </span>
          <span className="conversation__meta">
            <span className="tag">{platformName(c.platform)}</span>
            {c.priority && c.priority !== 'none' && (
              <span className={`tag priority--${c.priority}`} data-testid="conversation-priority">
                {c.priority}
              </span>
            )}
            {c.status !== 'open' && <span className={`tag tag--${c.status}`}>{c.status}</span>}
            {c.waitingSince && c.status === 'open' && !c.assigneeId && (
              <span className="tag tag--waiting" data-testid="conversation-waiting" title={`Waiting for an agent since ${formatFull(c.waitingSince)}`}>
                waiting {waitedFor(c.waitingSince, now)}
              </span>
            )}
            <span className="conversation__assignee" data-testid="conversation-assignee">
              {assigneeName ?? 'Unassigned'}
            </span>
          </span>
        </span>
      </button>
    </li>
  );
}
