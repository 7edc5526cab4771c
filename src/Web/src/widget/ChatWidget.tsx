import { useEffect, useRef, useState } from 'react';
import { useWidgetChat } from './useWidgetChat';
import { WidgetPanel } from './WidgetPanel';

interface Props {
  websiteToken: string;
  visitorToken: string;
  businessName: string;
}

/** The chat in the bottom-right corner of the business's page: a panel (open at first) and its bubble. */
export function ChatWidget({ websiteToken, visitorToken, businessName }: Props) {
  const chat = useWidgetChat(websiteToken, visitorToken);
  const [open, setOpen] = useState(true);
  const [unseen, setUnseen] = useState(0);

  // Count replies that arrive while the panel is minimised.
  const last = chat.messages[chat.messages.length - 1];
  const lastSeen = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (open) {
      lastSeen.current = last?.messageId;
      setUnseen(0);
    } else if (last && last.messageId !== lastSeen.current) {
      lastSeen.current = last.messageId;
      if (last.kind === 'outgoing') setUnseen((n) => n + 1);
    }
  }, [open, last]);

  return (
    <div className="widget-root">
      {open && <WidgetPanel chat={chat} businessName={businessName} onMinimise={() => setOpen(false)} />}
      <button
        type="button"
        className="widget-launcher"
        aria-label={open ? 'Minimise chat' : `Chat with ${businessName}`}
        aria-expanded={open}
        data-testid="widget-launcher"
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">{open ? '×' : '💬'}</span>
        {!open && unseen > 0 && <span className="widget-launcher__badge">{unseen}</span>}
      </button>
    </div>
  );
}
