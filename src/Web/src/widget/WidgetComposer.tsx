import { useComposer, type SendHandler } from '../shared/useComposer';

interface Props {
  onSend: SendHandler;
  connected: boolean;
}

export function WidgetComposer({ onSend, connected }: Props) {
  const composer = useComposer(onSend);
  return (
    <form
      className="widget-composer"
      onSubmit={(e) => {
        e.preventDefault();
        if (connected) void composer.send();
      }}
    >
      {composer.error && (
        <p className="widget-composer__error" data-testid="widget-error" role="alert">
          {composer.error}
        </p>
      )}
      {composer.tooLong && (
        <p className="widget-composer__error">
          {composer.length} / {composer.maxLength} characters
        </p>
      )}
      <div className="widget-composer__row">
        <textarea
          className="widget-composer__input"
          data-testid="widget-input"
          placeholder="Type your message…"
          aria-label="Message"
          rows={1}
          value={composer.text}
          readOnly={composer.sending}
          onChange={(e) => composer.onChange(e.target.value)}
          onKeyDown={(e) => {
            if (!connected && e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              return;
            }
            composer.onKeyDown(e);
          }}
        />
        <button
          type="submit"
          className="widget-composer__send"
          data-testid="widget-send"
          disabled={!composer.canSend || !connected}
          aria-label="Send"
        >
          Send
        </button>
      </div>
    </form>
  );
}
