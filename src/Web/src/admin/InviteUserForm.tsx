import { useState, type FormEvent } from 'react';
import { api } from '../api/rest';
import type { ChannelDetails, Invitation, Role, Team } from '../api/types';
import { ChoiceList } from './ChoiceList';

interface Props {
  teams: Team[];
  channels: ChannelDetails[];
  onInvited: (invitation: Invitation) => void;
}

const roles: Role[] = ['agent', 'supervisor', 'admin'];

/** An admin invites a new user: who they are, their role, and the teams and channels they will work. */
export function InviteUserForm({ teams, channels, onInvited }: Props) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [channelIds, setChannelIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onInvited(await api.inviteUser({ name: name.trim(), email: email.trim(), role, teams: teamIds, channels: channelIds }));
      setName('');
      setEmail('');
      setTeamIds([]);
      setChannelIds([]);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The invitation failed.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel invite" data-testid="invite-form" onSubmit={(e) => void submit(e)}>
      <h2>Invite a user</h2>
      <div className="invite__row">
        <label className="field">
          <span>Name</span>
          <input name="name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>Email</span>
          <input name="email" type="email" required maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label className="field">
          <span>Role</span>
          <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="invite__row">
        <ChoiceList legend="Teams" choices={teams.map((t) => ({ id: t.teamId, label: t.name }))} selected={teamIds} onChange={setTeamIds} testId="invite-teams" />
        <ChoiceList
          legend="Channels"
          choices={channels.map((c) => ({ id: c.channel.channelId, label: c.channel.name }))}
          selected={channelIds}
          onChange={setChannelIds}
          testId="invite-channels"
        />
      </div>
      {error && (
        <p className="form-error" role="alert" data-testid="invite-error">
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? 'Inviting…' : 'Invite'}
      </button>
    </form>
  );
}
