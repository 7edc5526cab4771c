import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/rest';
import { formatFull } from '../shared/format';
import { useComposer, type SendHandler } from '../shared/useComposer';

type Mode = 'reply' | 'note';

interface Props {
  onSend: SendHandler;
  /** Posts an internal note (never sent to the customer). */
  onAddNote: (text: string) => Promise<void>;
  /** Sends a file with the box's text as its caption; absent where the channel takes no files. */
  onSendFile?: (file: File, caption: string) => Promise<void>;
  /** Why replies cannot be sent now (the channel is disabled, the platform's window has closed); notes still can. */
  replyRefusal?: string | null;
  /** Why replies wait rather than go at once (the channel is rate-limited or needs reconnecting); sending still works, replies queue. */
  replyHold?: string | null;
  /** A heads-up shown while replies still can be sent ("Reply window closes in 2 h"). */
  replyHint?: string | null;
  /** When the platform's window closes (ISO), shown on hover. */
  replyWindowClosesAt?: string | null;
}

/** The reply box under the chat: Enter sends, Shift+Enter adds a line; or, switched to a private note, posts one. */
export function Composer({ onSend, onAddNote, onSendFile, replyRefusal, replyHold, replyHint, replyWindowClosesAt }: Props) {
  const [mode, setMode] = useState<Mode>(replyRefusal ? 'note' : 'reply');
  useEffect(() => {
    if (replyRefusal) setMode('note');
  }, [replyRefusal]);
  const send = useCallback<SendHandler>(
    (text, clientMessageId) => (mode === 'note' ? onAddNote(text) : onSend(text, clientMessageId)),
    [mode, onAddNote, onSend],
  );
  const composer = useComposer(send);
  const input = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);

  const attach = async (file: File | undefined) => {
    if (!file || !onSendFile) return;
    setUploading(true);
    setUploadError(null);
    try {
      await onSendFile(file, composer.text.trim());
      composer.onChange('');
    } catch (error) {
      setUploadError(error instanceof ApiError ? error.message : 'The file could not be sent.');
    } finally {
      setUploading(false);
      if (picker.current) picker.current.value = '';
    }
  };

  useEffect(() => {
    input.current?.focus();
  }, []);

  useEffect(() => {
    if (!composer.sending) input.current?.focus();
  }, [composer.sending]);

  return (
    <form
      className={mode === 'note' ? 'composer composer--note' : 'composer'}
      data-mode={mode}
      onSubmit={(e) => {
        e.preventDefault();
        void composer.send();
      }}
    >
      <div className="segmented segmented--small" role="group" aria-label="Reply or private note">
        <button
          type="button"
          className={mode === 'reply' ? 'segmented__item segmented__item--current' : 'segmented__item'}
          aria-pressed={mode === 'reply'}
          data-testid="composer-mode-reply"
          disabled={!!replyRefusal}
          title={replyRefusal ?? undefined}
          onClick={() => setMode('reply')}
        >
          Reply
        </button>
        <button
          type="button"
          className={mode === 'note' ? 'segmented__item segmented__item--current' : 'segmented__item'}
          aria-pressed={mode === 'note'}
          data-testid="composer-mode-note"
          title="Only your team sees notes; the customer never does."
          onClick={() => setMode('note')}
        >
          Private note
        </button>
      </div>
      {replyRefusal && (
        <p className="composer__closed" data-testid="composer-closed" role="status">
          {replyRefusal}
        </p>
      )}
      {!replyRefusal && replyHold && (
        <p className="composer__held" data-testid="composer-hold" role="status">
          {replyHold}
        </p>
      )}
      {!replyRefusal && replyHint && (
        <p
          className="composer__hint"
          data-testid="composer-window-hint"
          role="status"
          title={replyWindowClosesAt ? `Closes ${formatFull(replyWindowClosesAt)}` : undefined}
        >
          {replyHint}
        </p>
      )}
      {(composer.error ?? uploadError) && (
        <p className="composer__error" data-testid="composer-error" role="alert">
          {composer.error ?? uploadError}
        </p>
      )}
      <textarea
        ref={input}
        className="composer__input"
        data-testid="composer-input"
        placeholder={
          mode === 'note'
            ? 'Write a private note for your team; the customer never sees it…'
            : 'Write a reply…  (Enter to send, Shift+Enter for a new line)'
        }
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
        {onSendFile && mode === 'reply' && (
          <>
            <input
              ref={picker}
              type="file"
              hidden
              data-testid="composer-file"
              accept="image/jpeg,image/png,application/pdf,.doc,.docx,.xls,.xlsx,.txt,.zip"
              onChange={(e) => void attach(e.target.files?.[0])}
            />
            <button
              type="button"
              className="button"
              data-testid="composer-attach"
              disabled={uploading || composer.sending}
              title="Send an image or a file (the text above becomes its caption)"
              onClick={() => picker.current?.click()}
            >
              {uploading ? 'Uploading…' : 'Attach file'}
            </button>
          </>
        )}
        <button
          type="submit"
          className="button button--primary"
          data-testid="composer-send"
          disabled={!composer.canSend}
        >
          {composer.sending ? 'Sending…' : mode === 'note' ? 'Add note' : 'Send'}
        </button>
      </div>
    </form>
  );
}
