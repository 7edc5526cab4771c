import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import { MaxMessageLength } from '../api/types';
import { newId } from './ids';

export type SendHandler = (text: string, clientMessageId: string) => Promise<void>;

/**
 * State of a message box: the draft, send on Enter (Shift+Enter for a newline), a length limit, and one
 * clientMessageId per draft so that retrying the same text after a failure is stored only once.
 */
export function useComposer(onSend: SendHandler, maxLength = MaxMessageLength) {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const attempt = useRef<{ text: string; clientMessageId: string } | null>(null);
  const sendingRef = useRef(false);

  const length = text.length;
  const tooLong = length > maxLength;
  const empty = text.trim().length === 0;
  const canSend = !empty && !tooLong && !sending;

  const send = useCallback(async () => {
    if (sendingRef.current || text.trim().length === 0 || text.length > maxLength) return;
    const clientMessageId = attempt.current?.text === text ? attempt.current.clientMessageId : newId();
    attempt.current = { text, clientMessageId };
    sendingRef.current = true;
    setSending(true);
    setError(null);
    try {
      await onSend(text.trim(), clientMessageId);
      attempt.current = null;
      setText('');
    } catch (err) {
      setError(err instanceof Error && err.message ? err.message : 'The message could not be sent.');
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
  }, [text, maxLength, onSend]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLTextAreaElement>) => {
      if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
      event.preventDefault();
      void send();
    },
    [send],
  );

  const onChange = useCallback((value: string) => {
    setText(value);
    setError(null);
  }, []);

  return { text, onChange, onKeyDown, send, sending, error, length, maxLength, tooLong, canSend };
}
