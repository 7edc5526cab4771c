import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/rest';
import type { AgentStatus, ChannelDetails, CurrentUser, Invitation, Team, User } from '../api/types';
import { CapacityCell } from './CapacityCell';
import { InvitationLink } from './InvitationLink';
import { InviteUserForm } from './InviteUserForm';
import { TeamsPanel } from './TeamsPanel';
import { UserRow } from './UserRow';
import { PageLoadFailed } from '../shared/PageLoadFailed';

interface Props {
  user: CurrentUser;
}

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; users: User[]; teams: Team[]; channels: ChannelDetails[] };

/** The organisation's people: everyone sees who is on the team; admins invite, edit and deactivate. */
export function TeamPage({ user }: Props) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [agents, setAgents] = useState<Record<string, AgentStatus>>({});
  const canManage = user.permissions.includes('users_manage');

  const reload = useCallback(async () => {
    setLoad({ status: 'loading' });
    try {
      const [users, teams, channels] = await Promise.all([api.listUsers(), api.listTeams(), api.listChannels()]);
      setLoad({ status: 'ready', users, teams, channels });
      // Capacities come from routing, one agent at a time; the page works without them.
      const statuses = await Promise.all(users.filter((u) => u.status === 'active').map((u) => api.getAgent(u.userId).catch(() => null)));
      setAgents(Object.fromEntries(statuses.filter((a) => a !== null).map((a) => [a.userId, a] as const)));
    } catch (err) {
      setLoad({ status: 'error', message: err instanceof Error ? err.message : 'The team could not be loaded.' });
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  if (load.status === 'loading') return <main className="admin">Loading…</main>;
  if (load.status === 'error') return <PageLoadFailed message={load.message} onRetry={() => void reload()} />;

  const { users, teams, channels } = load;
  const replaceUser = (changed: User) =>
    setLoad({ ...load, users: users.some((u) => u.userId === changed.userId) ? users.map((u) => (u.userId === changed.userId ? changed : u)) : [...users, changed] });
  const invited = (created: Invitation) => {
    replaceUser(created.user);
    setInvitation(created);
  };

  return (
    <main className="admin" data-testid="team-page">
      <h1>Team</h1>
      {invitation && <InvitationLink invitation={invitation} onClose={() => setInvitation(null)} />}
      {canManage && <InviteUserForm teams={teams} channels={channels} onInvited={invited} />}
      <section className="panel">
        <h2>Users</h2>
        <table className="users" data-testid="users-table">
          <thead>
            <tr>
              <th>User</th>
              <th>Role</th>
              <th>Status</th>
              <th>Teams</th>
              <th>Channels</th>
              <th title="Open conversations routing gives them at most">Capacity</th>
              {canManage && <th aria-label="Actions" />}
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <UserRow
                key={u.userId}
                user={u}
                isSelf={u.userId === user.userId}
                canManage={canManage}
                teams={teams}
                channels={channels}
                onChanged={replaceUser}
                onInvitation={setInvitation}
                capacity={<CapacityCell key={agents[u.userId]?.ownCapacity ?? 'default'} agent={agents[u.userId]} canManage={canManage} onChanged={(a) => setAgents((all) => ({ ...all, [a.userId]: a }))} />}
              />
            ))}
          </tbody>
        </table>
      </section>
      <TeamsPanel teams={teams} canManage={canManage} onSaved={(team) => setLoad({ ...load, teams: [...teams.filter((t) => t.teamId !== team.teamId), team] })} />
    </main>
  );
}
