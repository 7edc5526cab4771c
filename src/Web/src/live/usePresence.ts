import { useCallback, useEffect, useRef, useState } from 'react';
import { EventNames } from '../api/events';
import { api } from '../api/rest';
import type { AgentPresence, AgentStatus } from '../api/types';
import type { LiveConnection } from './useLiveConnection';

export interface Presence {
  /** The signed-in user as routing sees them; null until loaded. */
  status: AgentStatus | null;
  busy: boolean;
  error: string | null;
  choose: (presence: AgentPresence) => void;
}

/**
 * The signed-in user's presence: read at start and after reconnects, followed live, and set from the header. Reads,
 * changes and events can answer out of order (the read made at start can come back after the one made once connected),
 * so only the newest of them counts: an answer to a request that something newer has overtaken is dropped.
 */
export function usePresence(userId: string, live: LiveConnection): Presence {
  const [status, setStatus] = useState<AgentStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  // Starts a read or change: its answer is applied only if nothing newer has started or arrived since.
  const begin = useCallback(() => {
    const mine = ++latest.current;
    return (next: AgentStatus) => {
      if (mine === latest.current) setStatus(next);
    };
  }, []);

  const load = useCallback(async () => {
    const apply = begin();
    try {
      apply(await api.getAgent('me'));
    } catch {
      // The header shows no presence until it can be read; the next reconnect tries again.
    }
  }, [begin]);

  useEffect(() => {
    void load();
    return live.subscribe({
      onOrganisationEvent: (event) => {
        if (event.type === EventNames.AgentPresenceChanged && event.agent?.userId === userId) begin()(event.agent);
      },
      onReconnected: () => void load(),
    });
  }, [live.subscribe, load, begin, userId]);

  // Connecting makes an agent present again; read it once the connection is up rather than wait for the event.
  useEffect(() => {
    if (live.state === 'connected') void load();
  }, [live.state, load]);

  const choose = useCallback((presence: AgentPresence) => {
    setBusy(true);
    setError(null);
    const apply = begin();
    api
      .setPresence(presence)
      .then(apply)
      .catch((err: unknown) => setError(err instanceof Error ? err.message : 'Your presence could not be changed.'))
      .finally(() => setBusy(false));
  }, [begin]);

  return { status, busy, error, choose };
}
