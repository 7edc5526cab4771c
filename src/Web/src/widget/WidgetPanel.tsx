import { useRef } from 'react';
import { ConnectionIndicator } from '../shared/ConnectionIndicator';
import { useAutoScroll } from '../shared/useAutoScroll';
import type { useWidgetChat } from './useWidgetChat';
import { WidgetComposer } from './WidgetComposer';
import { WidgetMessageItem } from './WidgetMessageItem';

interface Props {
  chat: ReturnType<typeof useWidgetChat>;
  businessName: string;
  onMinimise: () => void;
}

export function WidgetPanel({ chat, businessName, onMinimise }: Props) {
  const scroller = useRef<HTMLOListElement>(null);
  const last = chat.messages[chat.messages.length - 1];
  const onScroll = useAutoScroll(
    scroller,
    'widget',
    chat.messages[0]?.messageId,
    last?.messageId,
    last?.kind === 'incoming',
  );
  const connected = chat.connection === 'connected';

  return (
    <section className="widget" data-testid="widget" aria-label={`Chat with ${businessName}`}>
      <header className="widget__header">
        <span className="widget__logo" aria-hidden="true">
          {businessName.slice(0, 1)}
        </span>
        <div className="widget__heading">
          <h2 className="widget__title">Chat with {businessName}</h2>
          <ConnectionIndicator state={chat.connection} testId="widget-state" />
        </div>
        <button type="button" className="widget__close" aria-label="Minimise chat" onClick={onMinimise}>
          ×
        </button>
      </header>

      <ol className="widget__messages" ref={scroller} onScroll={onScroll}>
        {chat.hasMore && (
          <li className="widget__older">
            <button type="button" disabled={chat.loadingOlder} onClick={() => void chat.loadOlder()}>
              {chat.loadingOlder ? 'Loading…' : 'Earlier messages'}
            </button>
          </li>
        )}
        <li className="widget__welcome">
          Hi there! Ask us anything about your order or our products. We usually reply within a few minutes.
        </li>
        {chat.messages.map((m) => (
          <WidgetMessageItem key={m.messageId} message={m} />
        ))}
      </ol>

      {chat.historyError && (
        <p className="widget__notice widget__notice--error" role="alert">
          {chat.historyError}
        </p>
      )}
      {!connected && (
        <p className="widget__notice">{chat.connection === 'connecting' ? 'Connecting…' : 'Reconnecting…'}</p>
      )}

      <WidgetComposer onSend={chat.send} connected={connected} />
    </section>
  );
}
