import { useCallback, useEffect, useState } from 'react';
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

/** The signed-in user's presence: read at start and after reconnects, followed live, and set from the header. */
export function usePresence(userId: string, live: LiveConnection): Presence {
  const [status, setStatus] = useState<AgentStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setStatus(await api.getAgent('me'));
    } catch {
      // The header shows no presence until it can be read; the next reconnect tries again.
    }
  }, []);

  useEffect(() => {
    void load();
    return live.subscribe({
      onOrganisationEvent: (event) => {
        if (event.type === EventNames.AgentPresenceChanged && event.agent?.userId === userId) setStatus(event.agent);
      },
      onReconnected: () => void load(),
    });
  }, [live.subscribe, load, userId]);

  // Connecting makes an agent present again; read it once the connection is up rather than wait for the event.
  useEffect(() => {
    if (live.state === 'connected') void load();
  }, [live.state, load]);

  const choose = useCallback((presence: AgentPresence) => {
    setBusy(true);
    setError(null);
    api
      .setPresence(presence)
      .then(setStatus)
      .catch((err: unknown) => setError(err instanceof Error ? err.message : 'Your presence could not be changed.'))
      .finally(() => setBusy(false));
  }, []);

  return { status, busy, error, choose };
}
