import type { ConversationSummary } from '../api/types';
import { ConversationListItem } from './ConversationListItem';

interface Props {
  conversations: ConversationSummary[];
  loading: boolean;
  error: string | null;
  openId: string | null;
  unreadCounts: Record<string, number>;
  onOpen: (conversationId: string) => void;
  onRetry: () => void;
}

export function ConversationList({ conversations, loading, error, openId, unreadCounts, onOpen, onRetry }: Props) {
  return (
    <nav className="conversations" aria-label="Conversations">
      <h2 className="conversations__title">Conversations</h2>
      {error && (
        <div className="notice notice--error">
          <span>{error}</span>
          <button type="button" className="button button--small" onClick={onRetry}>
            Retry
          </button>
        </div>
      )}
      <ul className="conversations__list" data-testid="conversation-list">
        {conversations.map((c) => (
          <ConversationListItem
            key={c.conversationId}
            conversation={c}
            active={c.conversationId === openId}
            unread={unreadCounts[c.conversationId] ?? 0}
            onOpen={onOpen}
          />
        ))}
      </ul>
      {!loading && !error && conversations.length === 0 && <p className="conversations__empty">No conversations yet.</p>}
      {loading && conversations.length === 0 && <p className="conversations__empty">Loading…</p>}
    </nav>
  );
}
