import { useState, type ReactNode } from 'react';
import { api } from '../api/rest';
import type { ChannelDetails, Invitation, Role, Team, User } from '../api/types';
import { ChoiceList } from './ChoiceList';

interface Props {
  user: User;
  isSelf: boolean;
  canManage: boolean;
  teams: Team[];
  channels: ChannelDetails[];
  onChanged: (user: User) => void;
  onInvitation: (invitation: Invitation) => void;
  /** The capacity column (from routing, not the user record). */
  capacity: ReactNode;
}

const roles: Role[] = ['agent', 'supervisor', 'admin'];

/** One user in the team list; an admin edits role, teams and channels in place, and deactivates or reactivates. */
export function UserRow({ user, isSelf, canManage, teams, channels, onChanged, onInvitation, capacity }: Props) {
  const [editing, setEditing] = useState(false);
  const [role, setRole] = useState<Role>(user.role);
  const [teamIds, setTeamIds] = useState(user.teams);
  const [channelIds, setChannelIds] = useState(user.channels);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const teamName = (id: string) => teams.find((t) => t.teamId === id)?.name ?? id;
  const channelName = (id: string) => channels.find((c) => c.channel.channelId === id)?.channel.name ?? id;

  async function act<T>(action: () => Promise<T>, done: (result: T) => void) {
    setBusy(true);
    setError(null);
    try {
      done(await action());
    } catch (err) {
      setError(err instanceof Error ? err.message : 'That did not work.');
    } finally {
      setBusy(false);
    }
  }

  function startEditing() {
    setRole(user.role);
    setTeamIds(user.teams);
    setChannelIds(user.channels);
    setEditing(true);
  }

  const save = () =>
    act(
      () => api.updateUser(user.userId, { role: isSelf ? undefined : role, teams: teamIds, channels: channelIds }),
      (changed) => {
        onChanged(changed);
        setEditing(false);
      },
    );

  return (
    <tr data-testid={`user-${user.userId}`} className={user.status === 'deactivated' ? 'users__row--inactive' : undefined}>
      <td>
        <div className="users__name">
          {user.name}
          {isSelf && <span className="muted"> (you)</span>}
        </div>
        <div className="muted">{user.email}</div>
      </td>
      {editing ? (
        <>
          <td>
            <select aria-label="Role" value={role} disabled={isSelf} title={isSelf ? 'Ask another admin to change your role.' : undefined} onChange={(e) => setRole(e.target.value as Role)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </td>
          <td data-testid="user-status">{user.status}</td>
          <td colSpan={2}>
            <div className="users__edit">
              <ChoiceList legend="Teams" choices={teams.map((t) => ({ id: t.teamId, label: t.name }))} selected={teamIds} onChange={setTeamIds} />
              <ChoiceList
                legend="Channels"
                choices={channels.map((c) => ({ id: c.channel.channelId, label: c.channel.name }))}
                selected={channelIds}
                onChange={setChannelIds}
              />
            </div>
          </td>
        </>
      ) : (
        <>
          <td data-testid="user-role">{user.role}</td>
          <td data-testid="user-status">
            <span className={`status status--${user.status}`}>{user.status}</span>
          </td>
          <td>{user.teams.map(teamName).join(', ') || <span className="muted">—</span>}</td>
          <td>{user.channels.map(channelName).join(', ') || <span className="muted">—</span>}</td>
        </>
      )}
      {editing ? <td /> : capacity}
      {canManage && (
        <td>
          <div className="users__actions">
            {editing ? (
              <>
                <button type="button" className="button button--primary" disabled={busy} onClick={() => void save()}>
                  Save
                </button>
                <button type="button" className="button button--ghost" disabled={busy} onClick={() => setEditing(false)}>
                  Cancel
                </button>
              </>
            ) : (
              <>
                <button type="button" className="button" disabled={busy} onClick={startEditing} data-testid="edit-user">
                  Edit
                </button>
                {user.status === 'invited' && (
                  <button type="button" className="button" disabled={busy} onClick={() => void act(() => api.reinviteUser(user.userId), onInvitation)}>
                    New link
                  </button>
                )}
                {user.status === 'active' && !isSelf && (
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    title="A link to choose a new password; their current sessions end when they use it."
                    onClick={() => void act(() => api.resetPassword(user.userId), onInvitation)}
                    data-testid="reset-password"
                  >
                    Reset password
                  </button>
                )}
                {user.status === 'deactivated' ? (
                  <button type="button" className="button" disabled={busy} onClick={() => void act(() => api.reactivateUser(user.userId), onChanged)} data-testid="reactivate-user">
                    Reactivate
                  </button>
                ) : (
                  !isSelf && (
                    <button
                      type="button"
                      className="button button--danger"
                      disabled={busy}
                      onClick={() => {
                        if (window.confirm(`Deactivate ${user.name}? They are signed out everywhere at once.`)) {
                          void act(() => api.deactivateUser(user.userId), onChanged);
                        }
                      }}
                      data-testid="deactivate-user"
                    >
                      Deactivate
                    </button>
                  )
                )}
              </>
            )}
          </div>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </td>
      )}
    </tr>
  );
}
