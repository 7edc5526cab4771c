import { useState, type FormEvent } from 'react';
import { api } from '../api/rest';
import type { CurrentUser } from '../api/types';

interface Props {
  user: CurrentUser;
  onPasswordChanged: (user: CurrentUser) => void;
  onSignOutEverywhere: () => void;
}

const MinPasswordLength = 8;

/** The signed-in user's own account: who they are, their password, and ending their sessions everywhere. */
export function AccountPage({ user, onPasswordChanged, onSignOutEverywhere }: Props) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function changePassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (next.length < MinPasswordLength) {
      setMessage({ ok: false, text: `Choose a new password of at least ${MinPasswordLength} characters.` });
      return;
    }
    if (next !== repeat) {
      setMessage({ ok: false, text: 'The two new passwords differ.' });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      onPasswordChanged(await api.changePassword(current, next));
      setCurrent('');
      setNext('');
      setRepeat('');
      setMessage({ ok: true, text: 'Your password is changed. You stay signed in here; every other session has ended.' });
    } catch (err) {
      setMessage({ ok: false, text: err instanceof Error ? err.message : 'The password could not be changed.' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="admin" data-testid="account-page">
      <h1>Your account</h1>
      <section className="panel">
        <h2>{user.name}</h2>
        <p className="muted">
          {user.email} · {user.role} · {user.organisationId}
        </p>
      </section>
      <form className="panel account__password" onSubmit={(e) => void changePassword(e)} data-testid="password-form">
        <h2>Change password</h2>
        <label className="field">
          <span>Current password</span>
          <input name="current" type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
        </label>
        <label className="field">
          <span>New password</span>
          <input name="new" type="password" autoComplete="new-password" required value={next} onChange={(e) => setNext(e.target.value)} />
        </label>
        <label className="field">
          <span>Repeat the new password</span>
          <input name="repeat" type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} />
        </label>
        {message && (
          <p className={message.ok ? 'callout callout--ok' : 'form-error'} role={message.ok ? 'status' : 'alert'} data-testid="password-message">
            {message.text}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Changing…' : 'Change password'}
        </button>
      </form>
      <section className="panel">
        <h2>Sessions</h2>
        <p className="muted">Signed in on another computer or a lost phone? End every session of your account at once, this one included.</p>
        <button type="button" className="button button--danger" onClick={onSignOutEverywhere} data-testid="sign-out-everywhere">
          Sign out everywhere
        </button>
      </section>
    </main>
  );
}
