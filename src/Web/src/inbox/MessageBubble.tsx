import type { MessageAttachment, MessageRecord } from '../api/types';
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

/** A file of a message: shown inline once the inbox has it (images, audio, video), else a link or a placeholder. */
function Attachment({ message, attachment: a }: { message: MessageRecord; attachment: MessageAttachment }) {
  const label = `${attachmentLabels[a.kind] ?? 'Attachment'}${a.fileName ? `: ${a.fileName}` : ''}`;
  if (!a.blobName) {
    return (
      <p className="message__attachment" data-testid="message-attachment">
        {label}
      </p>
    );
  }

  const url = `/api/v1/conversations/${encodeURIComponent(message.conversationId)}/messages/${message.sequence}/attachments/${encodeURIComponent(a.attachmentId)}`;
  switch (a.kind) {
    case 'image':
    case 'sticker':
      return (
        <a href={url} target="_blank" rel="noreferrer" data-testid="message-attachment">
          <img className="message__image" src={url} alt={label} loading="lazy" />
        </a>
      );
    case 'voice':
    case 'audio':
      return <audio className="message__audio" controls src={url} data-testid="message-attachment" aria-label={label} />;
    case 'video':
      return <video className="message__video" controls src={url} data-testid="message-attachment" aria-label={label} />;
    default:
      return (
        <p className="message__attachment" data-testid="message-attachment">
          <a href={url} download>
            {label}
          </a>
        </p>
      );
  }
}

export function MessageBubble({ message: m }: Props) {
  // A pending reply with a notice waits in the channel's queue (rate limit, refused token, a retry): it still goes, so
  // it reads as queued, not as an error.
  const queued = m.kind === 'outgoing' && m.deliveryStatus === 'pending' && !!m.notice;
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
          <Attachment key={a.attachmentId} message={m} attachment={a} />
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
        <div className={queued ? 'message__notice message__notice--queued' : 'message__notice'} role="note" data-testid="message-notice">
          {m.notice}
        </div>
      )}
      {m.kind === 'outgoing' && (
        <div
          className={`message__delivery message__delivery--${queued ? 'queued' : m.deliveryStatus}`}
          data-testid="message-delivery"
          data-status={queued ? 'queued' : m.deliveryStatus}
        >
          {queued ? 'Queued' : (deliveryLabels[m.deliveryStatus] ?? m.deliveryStatus)}
        </div>
      )}
    </li>
  );
}
