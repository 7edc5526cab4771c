import { useState } from 'react';
import { api } from '../api/rest';
import type { CurrentUser } from '../api/types';
import { AuthCard } from './AuthCard';

interface Props {
  token: string;
  onSignedIn: (user: CurrentUser) => void;
}

const MinPasswordLength = 8;

/** Where an invitation or password-reset link lands: the user chooses a password and is signed in. */
export function AcceptInvitationPage({ token, onSignedIn }: Props) {
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (password.length < MinPasswordLength) {
      setError(`Choose a password of at least ${MinPasswordLength} characters.`);
      return;
    }
    if (password !== confirmation) {
      setError('The two passwords differ.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const user = await api.acceptInvitation(token, password);
      onSignedIn(await api.signIn(user.email, password));
    } catch (err) {
      setError(err instanceof Error && err.message ? err.message : 'The password could not be set.');
      setBusy(false);
    }
  }

  return (
    <AuthCard
      title="Choose your password"
      testId="invitation-form"
      hint="Choose a password for your Inbox account. You are signed in as soon as it is set."
      error={error}
      busy={busy}
      submitLabel="Set password and sign in"
      busyLabel="Setting up…"
      onSubmit={() => void submit()}
    >
      <label className="field">
        <span>Password</span>
        <input name="password" type="password" autoComplete="new-password" required autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <label className="field">
        <span>Repeat the password</span>
        <input name="confirmation" type="password" autoComplete="new-password" required value={confirmation} onChange={(e) => setConfirmation(e.target.value)} />
      </label>
    </AuthCard>
  );
}
