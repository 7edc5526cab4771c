import { useCallback, useEffect, useState } from 'react';
import { EventNames } from '../api/events';
import { api } from '../api/rest';
import type { WallboardSnapshot } from '../api/types';
import type { LiveConnection } from '../live/useLiveConnection';

const newest = (current: WallboardSnapshot | null, next: WallboardSnapshot) =>
  current && current.version >= next.version ? current : next;

/**
 * The wallboard: read once, then kept live from `wallboard.updated`. Snapshots may arrive out of order (the first read
 * racing the first push, or two gateways), so only a higher version replaces what is shown.
 */
export function useWallboard(live: LiveConnection) {
  const [snapshot, setSnapshot] = useState<WallboardSnapshot | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const read = await api.getWallboard();
      setSnapshot((current) => newest(current, read));
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The wallboard could not be read.');
    }
  }, []);

  useEffect(() => {
    void load();
    return live.subscribe({
      onOrganisationEvent: (event) => {
        const next = event.wallboard;
        if (event.type === EventNames.WallboardUpdated && next) setSnapshot((current) => newest(current, next));
      },
      onReconnected: () => void load(),
    });
  }, [live.subscribe, load]);

  return { snapshot, error, reload: load };
}
