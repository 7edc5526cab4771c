import { useState } from 'react';
import { api } from '../api/rest';
import type { CurrentUser } from '../api/types';
import { AuthCard } from './AuthCard';

interface Props {
  onSignedIn: (user: CurrentUser) => void;
}

export function LoginPage({ onSignedIn }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
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
    <AuthCard title="Sign in to Inbox" testId="login-form" error={error} busy={busy} submitLabel="Sign in" busyLabel="Signing in…" onSubmit={() => void submit()}>
      <label className="field">
        <span>Email</span>
        <input name="email" type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label className="field">
        <span>Password</span>
        <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
    </AuthCard>
  );
}
