import type { ConversationSummary } from '../api/types';
import { ContactAvatar } from '../shared/ContactAvatar';
import { formatFull, formatListTime } from '../shared/format';
import { platformName } from './conversations';

interface Props {
  conversation: ConversationSummary;
  active: boolean;
  unread: number;
  onOpen: (conversationId: string) => void;
}

export function ConversationListItem({ conversation: c, active, unread, onOpen }: Props) {
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
            {c.status !== 'open' && <span className={`tag tag--${c.status}`}>{c.status}</span>}
          </span>
        </span>
      </button>
    </li>
  );
}
