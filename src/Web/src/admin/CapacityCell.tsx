import { useState } from 'react';
import { api } from '../api/rest';
import type { AgentStatus } from '../api/types';

interface Props {
  agent: AgentStatus | undefined;
  canManage: boolean;
  onChanged: (agent: AgentStatus) => void;
}

/** How many open conversations routing gives someone at most; admins set it, blank for the organisation's default. */
export function CapacityCell({ agent, canManage, onChanged }: Props) {
  const [value, setValue] = useState(agent?.ownCapacity?.toString() ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!agent) return <td className="muted">—</td>;
  const shown = agent.ownCapacity === null ? `${agent.capacity} (default)` : String(agent.capacity);
  if (!canManage) return <td data-testid="user-capacity">{shown}</td>;

  const dirty = value.trim() !== (agent.ownCapacity?.toString() ?? '');
  async function save() {
    setBusy(true);
    setError(null);
    try {
      const changed = await api.setCapacity(agent!.userId, value.trim() === '' ? null : Number(value));
      setValue(changed.ownCapacity?.toString() ?? '');
      onChanged(changed);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The capacity could not be saved.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <td data-testid="user-capacity">
      <form
        className="capacity"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <input
          type="number"
          min={1}
          max={1000}
          aria-label={`Capacity of ${agent.name}`}
          data-testid="capacity-input"
          placeholder={`${agent.capacity} (default)`}
          title="Open conversations routing gives them at most; leave blank for the organisation's default."
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        {dirty && (
          <button type="submit" className="button button--small" disabled={busy} data-testid="capacity-save">
            Set
          </button>
        )}
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </td>
  );
}
