import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { connectInbox } from '../api/realtime';
import { api } from '../api/rest';
import type { ConnectionState, InboxEvent, OrganisationEvent } from '../api/types';

/** What a page wants to hear from the live connection. */
export interface LiveListener {
  onEvent?: (event: InboxEvent) => void;
  onOrganisationEvent?: (event: OrganisationEvent) => void;
  /** Events may have been missed while the connection was down: reload. */
  onReconnected?: () => void;
}

export interface LiveConnection {
  state: ConnectionState;
  /** Starts listening; the returned function stops. */
  subscribe: (listener: LiveListener) => () => void;
}

/**
 * One connection to the agents' hub for as long as the user is signed in, whatever page they are on: being connected
 * is what keeps an agent online for routing, so moving from the inbox to the wallboard or the team page must not drop it.
 */
export function useLiveConnection(onSessionLost: () => void): LiveConnection {
  const [state, setState] = useState<ConnectionState>('connecting');
  const listeners = useRef(new Set<LiveListener>());
  const sessionLost = useRef(onSessionLost);
  sessionLost.current = onSessionLost;

  useEffect(() => {
    const managed = connectInbox({
      onEvent: (event) => listeners.current.forEach((l) => l.onEvent?.(event)),
      onOrganisationEvent: (event) => listeners.current.forEach((l) => l.onOrganisationEvent?.(event)),
      onStateChange: setState,
      onReconnected: () => listeners.current.forEach((l) => l.onReconnected?.()),
      shouldRetry: async () => {
        try {
          if ((await api.getSession()) === null) {
            sessionLost.current();
            return false;
          }
        } catch {
          // Server unreachable: keep trying.
        }
        return true;
      },
    });
    return () => {
      void managed.stop();
    };
  }, []);

  const subscribe = useCallback((listener: LiveListener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  return useMemo(() => ({ state, subscribe }), [state, subscribe]);
}
