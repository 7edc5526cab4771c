import { useRef } from 'react';
import type { MessageRecord } from '../api/types';
import { useAutoScroll } from '../shared/useAutoScroll';
import { MessageBubble } from './MessageBubble';

interface Props {
  conversationId: string;
  messages: MessageRecord[];
  hasMore: boolean;
  loading: boolean;
  loadingOlder: boolean;
  currentUserId: string;
  onLoadOlder: () => void;
}

export function MessageList({ conversationId, messages, hasMore, loading, loadingOlder, currentUserId, onLoadOlder }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const last = messages[messages.length - 1];
  const onScroll = useAutoScroll(
    scroller,
    conversationId,
    messages[0]?.messageId,
    last?.messageId,
    last?.authorId === currentUserId,
  );

  return (
    <div className="messages" ref={scroller} onScroll={onScroll}>
      {hasMore && (
        <div className="messages__older">
          <button
            type="button"
            className="button button--small"
            data-testid="load-older"
            disabled={loadingOlder}
            onClick={onLoadOlder}
          >
            {loadingOlder ? 'Loading…' : 'Load older messages'}
          </button>
        </div>
      )}
      {loading && messages.length === 0 && <p className="messages__empty">Loading messages…</p>}
      {!loading && messages.length === 0 && <p className="messages__empty">No messages yet.</p>}
      <ol className="messages__list">
        {messages.map((m) => (
          <MessageBubble key={m.messageId} message={m} />
        ))}
      </ol>
    </div>
  );
}
