import { useEffect, useRef } from 'react';
import { useComposer, type SendHandler } from '../shared/useComposer';

interface Props {
  onSend: SendHandler;
}

/** The reply box under the chat: Enter sends, Shift+Enter adds a line. */
export function Composer({ onSend }: Props) {
  const composer = useComposer(onSend);
  const input = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    input.current?.focus();
  }, []);

  useEffect(() => {
    if (!composer.sending) input.current?.focus();
  }, [composer.sending]);

  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void composer.send();
      }}
    >
      {composer.error && (
        <p className="composer__error" data-testid="composer-error" role="alert">
          {composer.error}
        </p>
      )}
      <textarea
        ref={input}
        className="composer__input"
        data-testid="composer-input"
        placeholder="Write a reply…  (Enter to send, Shift+Enter for a new line)"
        rows={3}
        value={composer.text}
        readOnly={composer.sending}
        aria-invalid={composer.tooLong}
        onChange={(e) => composer.onChange(e.target.value)}
        onKeyDown={composer.onKeyDown}
      />
      <div className="composer__bar">
        <span className={`composer__counter${composer.tooLong ? ' composer__counter--over' : ''}`} data-testid="composer-counter">
          {composer.length} / {composer.maxLength}
        </span>
        <button
          type="submit"
          className="button button--primary"
          data-testid="composer-send"
          disabled={!composer.canSend}
        >
          {composer.sending ? 'Sending…' : 'Send'}
        </button>
      </div>
    </form>
  );
}
