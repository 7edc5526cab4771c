import { useState, type FormEvent } from 'react';
import { api } from '../api/rest';
import type { ChannelHealth } from '../api/types';

interface Props {
  channelId: string;
  onChanged: (health: ChannelHealth) => void;
}

/**
 * Sets the pace a channel sends at, or puts it back to the platform's documented limit. The range is the server's to
 * check (the form does not validate), so a refused value shows the server's own words.
 */
export function PaceEditor({ channelId, onChanged }: Props) {
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (perSecond: number | null) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await api.setChannelRate(channelId, perSecond));
      setValue('');
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The pace could not be changed.');
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const perSecond = Number(value);
    if (value.trim() === '' || !Number.isFinite(perSecond)) {
      setError('Give the pace as a number of messages per second.');
      return;
    }
    void save(perSecond);
  };

  return (
    <form className="pace-editor" noValidate onSubmit={submit} data-testid="pace-editor">
      <input
        type="number"
        step="any"
        inputMode="decimal"
        aria-label="New pace in messages per second"
        placeholder="messages/s"
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setError(null);
        }}
        data-testid="pace-input"
      />
      <button type="submit" className="button button--small" disabled={busy || value.trim() === ''} data-testid="pace-save">
        Set pace
      </button>
      <button
        type="button"
        className="button button--small button--ghost"
        disabled={busy}
        title="Back to the platform's documented limit"
        onClick={() => void save(null)}
        data-testid="pace-default"
      >
        Platform default
      </button>
      {error && (
        <span className="form-error" role="alert" data-testid="pace-error">
          {error}
        </span>
      )}
    </form>
  );
}
