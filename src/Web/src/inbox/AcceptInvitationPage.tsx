import { useState } from 'react';
import { api } from '../api/rest';
import type { CurrentUser } from '../api/types';
import { AuthCard } from './AuthCard';

interface Props {
  token: string;
  onSignedIn: (user: CurrentUser) => void;
}

const MinPasswordLength = 8;

/** Where an invited user lands from their invitation link: they choose a password and are signed in. */
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
      setError(err instanceof Error && err.message ? err.message : 'The invitation could not be accepted.');
      setBusy(false);
    }
  }

  return (
    <AuthCard
      title="Welcome to Inbox"
      testId="invitation-form"
      hint="You have been invited. Choose a password to finish setting up your account."
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
