import type { AgentPresence } from '../api/types';
import type { Presence } from './usePresence';

const labels: Record<AgentPresence, string> = { online: 'Online', away: 'Away', offline: 'Offline' };

/**
 * The signed-in user's presence in the header. The choice is what they set; routing goes by what they are, which is
 * offline once their connections have been gone a minute whatever they chose, so that is said when the two differ.
 */
export function PresenceSelector({ presence }: { presence: Presence }) {
  const status = presence.status;
  if (!status) return null;
  const differs = status.presence !== status.chosenPresence;
  return (
    <div className="presence" data-testid="presence" data-presence={status.presence}>
      <span className={`presence__dot presence__dot--${status.presence}`} aria-hidden="true" />
      <select
        aria-label="Your presence"
        data-testid="presence-select"
        value={status.chosenPresence}
        disabled={presence.busy}
        title="Online: you get new conversations. Away: you keep yours but get no new ones. Offline: you are not here."
        onChange={(e) => presence.choose(e.target.value as AgentPresence)}
      >
        {(Object.keys(labels) as AgentPresence[]).map((p) => (
          <option key={p} value={p}>
            {labels[p]}
          </option>
        ))}
      </select>
      {differs && (
        <span className="presence__note" data-testid="presence-note">
          You are {status.presence}
        </span>
      )}
      {presence.error && (
        <span className="presence__note presence__note--error" role="alert">
          {presence.error}
        </span>
      )}
    </div>
  );
}
