import { useCallback, useEffect, useRef, useState } from 'react';
import { EventNames } from '../api/events';
import type { ChannelStatus } from '../api/types';
import type { LiveConnection } from './useLiveConnection';

/** One `channel.alert` as the admin's notification shows it. */
export interface ChannelAlert {
  key: number;
  channelId: string;
  /** The channel's status when it was raised: the notification's colour. */
  status: ChannelStatus;
  /** The server's sentence for the admin. */
  text: string;
  receivedAt: number;
}

/** The most notifications kept at once; older ones give way (the Channels page shows the state whatever was missed). */
const MaxAlerts = 8;

/**
 * Channel alerts for admins, newest first, each until dismissed. The server sends them only to users who manage
 * channels, so this only decides whether to listen.
 */
export function useChannelAlerts(live: LiveConnection, enabled: boolean) {
  const [alerts, setAlerts] = useState<ChannelAlert[]>([]);
  const next = useRef(1);

  useEffect(() => {
    if (!enabled) return undefined;
    return live.subscribe({
      onOrganisationEvent: (event) => {
        const text = event.health?.alert;
        const channel = event.health?.channel ?? event.channel;
        if (event.type !== EventNames.ChannelAlert || !text || !channel) return;
        const alert: ChannelAlert = { key: next.current++, channelId: channel.channelId, status: channel.status, text, receivedAt: Date.now() };
        setAlerts((list) => [alert, ...list].slice(0, MaxAlerts));
      },
    });
  }, [live.subscribe, enabled]);

  const dismiss = useCallback((key: number) => setAlerts((list) => list.filter((a) => a.key !== key)), []);

  return { alerts, dismiss };
}
