import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/rest';
import type { ChannelDetails, PlatformForm } from '../api/types';

interface Props {
  details: ChannelDetails;
  form: PlatformForm;
  /** The channel needs reconnecting: the form is its way back, and says so. */
  reconnecting: boolean;
  /** Changes each time someone asks to see the form again ("Reconnect" while it is open). */
  reveal: number;
  onSaved: (details: ChannelDetails) => void;
  onCancel: () => void;
}

/**
 * Replaces some of a channel's credentials: only the fields filled in are sent, the server keeps the others. Values
 * are write-only, so a secret's box is always empty; a setting shows what is set as its placeholder.
 */
export function CredentialsForm({ details, form, reconnecting, reveal, onSaved, onCancel }: Props) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const element = useRef<HTMLFormElement>(null);

  // Opened from "Reconnect" further up the card or from an alert: bring it into view, ready to type into.
  useEffect(() => {
    element.current?.scrollIntoView({ block: 'center' });
    (element.current?.querySelector<HTMLInputElement>('input[type=password]') ?? element.current?.querySelector('input'))?.focus({ preventScroll: true });
  }, [reveal]);

  const filled = Object.entries(values).filter(([, value]) => value.trim() !== '');

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSaved(await api.setChannelCredentials(details.channel.channelId, Object.fromEntries(filled.map(([name, value]) => [name, value.trim()]))));
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The credentials could not be saved.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={element} className="credentials-form" data-testid="credentials-form" onSubmit={(e) => void save(e)}>
      <h4>{reconnecting ? 'Reconnect: give the channel new credentials' : 'Change credentials'}</h4>
      <p className="muted">Fill in only what changes; empty fields keep what is set.</p>
      {form.fields.map((field) => (
        <label className="field" key={field.name}>
          <span>{field.name}</span>
          <input
            name={field.name}
            type={field.kind === 'secret' ? 'password' : 'text'}
            autoComplete="off"
            placeholder={details.settings?.[field.name] ?? (field.kind === 'secret' ? 'unchanged' : '')}
            value={values[field.name] ?? ''}
            onChange={(e) => setValues({ ...values, [field.name]: e.target.value })}
            data-testid={`credentials-field-${field.name}`}
          />
          <small className="muted">{field.description}</small>
        </label>
      ))}
      {error && (
        <p className="form-error" role="alert" data-testid="credentials-error">
          {error}
        </p>
      )}
      <div className="credentials-form__buttons">
        <button type="submit" className="button button--primary" disabled={busy || filled.length === 0} data-testid="credentials-submit">
          {busy ? 'Saving…' : reconnecting ? 'Reconnect' : 'Save credentials'}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel} data-testid="credentials-cancel">
          Cancel
        </button>
      </div>
    </form>
  );
}
