import { useState, type FormEvent } from 'react';
import { api } from '../api/rest';
import type { CurrentUser } from '../api/types';

interface Props {
  onSignedIn: (user: CurrentUser) => void;
}

export function LoginPage({ onSignedIn }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.signIn(email.trim(), password));
    } catch (err) {
      setError(err instanceof Error && err.message ? err.message : 'Sign in failed.');
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <form className="login__card" data-testid="login-form" onSubmit={(e) => void submit(e)}>
        <div className="login__brand">
          <span className="brand-mark" aria-hidden="true">
            I
          </span>
          <h1>Sign in to Inbox</h1>
        </div>
        <label className="field">
          <span>Email</span>
          <input
            name="email"
            type="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Password</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="form-error" data-testid="login-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
