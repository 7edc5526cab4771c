import { useState, type FormEvent } from 'react';
import { api } from '../api/rest';
import type { Team } from '../api/types';

interface Props {
  teams: Team[];
  canManage: boolean;
  onSaved: (team: Team) => void;
}

/** A team's id is made from its name: lower-case letters and digits joined by dashes. */
function teamIdFor(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return slug || `team-${Math.random().toString(36).slice(2, 8)}`;
}

/** The organisation's teams; an admin adds one by name. */
export function TeamsPanel({ teams, canManage, onSaved }: Props) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (busy || !trimmed) return;
    let teamId = teamIdFor(trimmed);
    if (teams.some((t) => t.teamId === teamId)) teamId = `${teamId}-${teams.length + 1}`;
    setBusy(true);
    setError(null);
    try {
      onSaved(await api.saveTeam(teamId, trimmed));
      setName('');
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The team could not be saved.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" data-testid="teams-panel">
      <h2>Teams</h2>
      <ul className="teams">
        {teams.length === 0 && <li className="muted">No teams yet.</li>}
        {teams.map((team) => (
          <li key={team.teamId}>{team.name}</li>
        ))}
      </ul>
      {canManage && (
        <form className="teams__add" onSubmit={(e) => void submit(e)}>
          <input aria-label="New team name" placeholder="New team name" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="button" disabled={busy || !name.trim()}>
            Add team
          </button>
        </form>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
