import type { WidgetMessage } from '../api/types';
import { formatFull, formatMessageTime } from '../shared/format';

interface Props {
  message: WidgetMessage;
}

/** The visitor's own messages ('incoming' for the business) on the right, replies on the left. */
export function WidgetMessageItem({ message: m }: Props) {
  const mine = m.kind === 'incoming';
  return (
    <li className={`wmsg ${mine ? 'wmsg--mine' : 'wmsg--theirs'}`}>
      {!mine && <span className="wmsg__author">{m.authorName}</span>}
      <div
        className="wmsg__bubble"
        data-testid="widget-message"
        data-kind={m.kind}
        data-sequence={m.sequence}
        data-message-id={m.messageId}
      >
        {m.text}
      </div>
      <time className="wmsg__time" dateTime={m.createdAt} title={formatFull(m.createdAt)}>
        {formatMessageTime(m.createdAt)}
      </time>
    </li>
  );
}
