import type { AgentLoad, WallboardSnapshot } from '../api/types';
import type { LiveConnection } from '../live/useLiveConnection';
import { formatFull } from '../shared/format';
import { useNow } from '../shared/useNow';
import { clockSince, waitedFor } from '../shared/waiting';
import { useWallboard } from './useWallboard';

interface Props {
  live: LiveConnection;
}

function Tile({ label, value, testId, warn }: { label: string; value: string | number; testId: string; warn?: boolean }) {
  return (
    <div className={warn ? 'tile tile--warn' : 'tile'} data-testid={testId}>
      <span className="tile__value" data-testid={`${testId}-value`}>
        {value}
      </span>
      <span className="tile__label">{label}</span>
    </div>
  );
}

const presenceOrder = { online: 0, away: 1, offline: 2 } as const;

function AgentRow({ agent: a }: { agent: AgentLoad }) {
  const share = a.capacity > 0 ? Math.min(1, a.load / a.capacity) : 1;
  const full = a.load >= a.capacity;
  return (
    <tr data-testid="wallboard-agent" data-user-id={a.userId}>
      <td>{a.name}</td>
      <td>
        <span className={`presence__dot presence__dot--${a.presence}`} aria-hidden="true" />{' '}
        <span data-testid="agent-presence">{a.presence}</span>
      </td>
      <td className="load">
        <span className="load__bar" aria-hidden="true">
          <span className={full ? 'load__fill load__fill--full' : 'load__fill'} style={{ width: `${share * 100}%` }} />
        </span>
        <span data-testid="agent-load">
          {a.load} / {a.capacity}
        </span>
      </td>
    </tr>
  );
}

function Board({ snapshot: s, now }: { snapshot: WallboardSnapshot; now: number }) {
  const agents = [...s.agents].sort((a, b) => presenceOrder[a.presence] - presenceOrder[b.presence] || a.name.localeCompare(b.name));
  return (
    <>
      <div className="tiles">
        <Tile label="Waiting for an agent" value={s.waiting} testId="tile-waiting" warn={s.waiting > 0} />
        <Tile label="Longest wait" value={s.longestWaitingSince ? clockSince(s.longestWaitingSince, now) : '—'} testId="tile-longest-wait" warn={s.longWaits.length > 0} />
        <Tile label="Open with an agent" value={s.open} testId="tile-open" />
        <Tile label="Pending" value={s.pending} testId="tile-pending" />
        <Tile label="Snoozed" value={s.snoozed} testId="tile-snoozed" />
        <Tile label="Agents online / away" value={`${s.agentsOnline} / ${s.agentsAway}`} testId="tile-agents" />
      </div>
      <div className="wallboard__columns">
        <section className="panel">
          <h2>Agents</h2>
          <table className="users" data-testid="wallboard-agents">
            <thead>
              <tr>
                <th>Agent</th>
                <th>Presence</th>
                <th>Load / capacity</th>
              </tr>
            </thead>
            <tbody>
              {agents.map((a) => (
                <AgentRow key={a.userId} agent={a} />
              ))}
            </tbody>
          </table>
        </section>
        <section className="panel">
          <h2>Long waits</h2>
          {s.longWaits.length === 0 ? (
            <p className="muted">Nobody has waited past the alert time.</p>
          ) : (
            <ul className="long-waits" data-testid="long-waits">
              {s.longWaits.map((w) => (
                <li key={w.conversationId} data-testid="long-wait">
                  <a href={`#/conversations/${encodeURIComponent(w.conversationId)}`}>
                    {w.contactName || w.channelId}
                    {w.teamId ? ` · team ${w.teamId}` : ''}
                  </a>
                  {w.priority !== 'none' && <span className={`tag priority--${w.priority}`}>{w.priority}</span>}
                  <span className="muted" title={formatFull(w.waitingSince)}>
                    waiting {waitedFor(w.waitingSince, now)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <p className="muted">Updated {formatFull(s.at)} · live</p>
    </>
  );
}

/** Supervisors' live view of the team: who waits, for how long, and how loaded each agent is. */
export function WallboardPage({ live }: Props) {
  const { snapshot, error, reload } = useWallboard(live);
  // The longest wait ticks every second between snapshots.
  const now = useNow(1_000);
  return (
    <main className="admin wallboard" data-testid="wallboard-page" data-version={snapshot?.version ?? ''}>
      <h1>Wallboard</h1>
      {error && (
        <div className="notice notice--error" role="alert">
          <span>{error}</span>
          <button type="button" className="button button--small" onClick={() => void reload()}>
            Retry
          </button>
        </div>
      )}
      {snapshot ? <Board snapshot={snapshot} now={now} /> : !error && <p>Loading…</p>}
    </main>
  );
}
