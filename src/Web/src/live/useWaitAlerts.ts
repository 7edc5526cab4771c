import { useCallback, useEffect, useState } from 'react';
import { EventNames } from '../api/events';
import type { WaitAlert } from '../api/types';
import type { LiveConnection } from './useLiveConnection';

/** Wait alerts that arrived for supervisors (one per long wait), newest first, until dismissed. */
export function useWaitAlerts(live: LiveConnection, enabled: boolean) {
  const [alerts, setAlerts] = useState<WaitAlert[]>([]);

  useEffect(() => {
    if (!enabled) return undefined;
    return live.subscribe({
      onOrganisationEvent: (event) => {
        const alert = event.alert;
        if (event.type !== EventNames.WallboardAlert || !alert) return;
        setAlerts((list) => [alert, ...list.filter((a) => a.conversationId !== alert.conversationId)].slice(0, 5));
      },
    });
  }, [live.subscribe, enabled]);

  const dismiss = useCallback((conversationId: string) => {
    setAlerts((list) => list.filter((a) => a.conversationId !== conversationId));
  }, []);

  return { alerts, dismiss };
}
