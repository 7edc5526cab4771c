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

const attachmentLabels: Record<string, string> = {
  image: 'Image',
  voice: 'Voice note',
  audio: 'Audio',
  video: 'Video',
  file: 'File',
  sticker: 'Sticker',
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
        {m.text && (
          <p className="message__text" data-testid="message-text">
            {m.text}
          </p>
        )}
        {m.attachments?.map((a) => (
          <p className="message__attachment" data-testid="message-attachment" key={a.attachmentId}>
            {attachmentLabels[a.kind] ?? 'Attachment'}
            {a.fileName ? `: ${a.fileName}` : ''}
          </p>
        ))}
        {m.location && (
          <p className="message__attachment" data-testid="message-location">
            <a
              href={`https://www.openstreetmap.org/?mlat=${m.location.latitude}&mlon=${m.location.longitude}`}
              target="_blank"
              rel="noreferrer"
            >
              {m.location.name ?? 'Shared location'}
              {m.location.address ? ` · ${m.location.address}` : ''}
            </a>
          </p>
        )}
        {m.quickReplies && m.quickReplies.length > 0 && (
          <ul className="message__quick-replies" aria-label="Quick replies offered">
            {m.quickReplies.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        )}
      </div>
      {m.notice && (
        <div className="message__notice" role="note" data-testid="message-notice">
          {m.notice}
        </div>
      )}
      {m.kind === 'outgoing' && (
        <div className={`message__delivery message__delivery--${m.deliveryStatus}`} data-testid="message-delivery">
          {deliveryLabels[m.deliveryStatus] ?? m.deliveryStatus}
        </div>
      )}
    </li>
  );
}
