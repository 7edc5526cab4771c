import type { MessageRecord } from '../api/types';
import { formatFull, formatMessageTime } from '../shared/format';

interface Props {
  message: MessageRecord;
}

const deliveryLabels: Record<string, string> = {
  pending: 'Sending…',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  failed: 'Not delivered',
};

export function MessageBubble({ message: m }: Props) {
  const common = {
    'data-testid': 'message',
    'data-kind': m.kind,
    'data-sequence': m.sequence,
    'data-message-id': m.messageId,
  };

  if (m.kind === 'activity') {
    return (
      <li className="message message--activity" {...common}>
        <span data-testid="message-text">{m.text}</span>
        <time dateTime={m.createdAt} title={formatFull(m.createdAt)}>
          {formatMessageTime(m.createdAt)}
        </time>
      </li>
    );
  }

  return (
    <li className={`message message--${m.kind}`} {...common}>
      <div className="message__meta">
        <span className="message__author">{m.kind === 'note' ? `${m.authorName} · private note` : m.authorName}</span>
        <time dateTime={m.createdAt} title={formatFull(m.createdAt)}>
          {formatMessageTime(m.createdAt)}
        </time>
      </div>
      <div className="message__bubble">
        <p className="message__text" data-testid="message-text">
          {m.text}
        </p>
      </div>
      {m.kind === 'outgoing' && (
        <div className={`message__delivery message__delivery--${m.deliveryStatus}`} data-testid="message-delivery">
          {deliveryLabels[m.deliveryStatus] ?? m.deliveryStatus}
        </div>
      )}
    </li>
  );
}
