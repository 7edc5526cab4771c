import { useCallback, useEffect, useRef, useState } from 'react';
import { EventNames } from '../api/events';
import { api } from '../api/rest';
import type { ChannelHealth, ChannelInfo } from '../api/types';
import type { LiveConnection } from '../live/useLiveConnection';

/** How often the figures that change without an event (queue age, sends in the last minute) are read again. */
const RefreshMs = 5_000;

export interface ChannelHealthView {
  /** Each channel's health by channel id; empty until read. */
  byChannel: Map<string, ChannelHealth>;
  error: string | null;
  /** Reads every channel's health again. */
  reload: () => void;
  /** Shows an answer the server just gave (after changing the pace). */
  apply: (health: ChannelHealth) => void;
  /** Shows a channel's new status at once (an event, an answer), until the next read brings the rest. */
  applyChannel: (channel: ChannelInfo) => void;
}

/**
 * Every channel's sending health while the page is open: read at once, again whenever a channel's status changes or
 * an alert arrives (the event says what changed, the read gives the whole picture), after a reconnect, and every few
 * seconds for the figures that move on their own.
 */
export function useChannelHealth(live: LiveConnection): ChannelHealthView {
  const [byChannel, setByChannel] = useState<Map<string, ChannelHealth>>(new Map());
  const [error, setError] = useState<string | null>(null);
  // Reads can overlap (an event during a periodic read); only the latest one started is shown.
  const latest = useRef(0);

  const reload = useCallback(() => {
    const mine = ++latest.current;
    api
      .listChannelHealth()
      .then((items) => {
        if (mine !== latest.current) return;
        setByChannel(new Map(items.map((h) => [h.channel.channelId, h] as const)));
        setError(null);
      })
      .catch((err: unknown) => {
        if (mine === latest.current) setError(err instanceof Error ? err.message : "The channels' health could not be read.");
      });
  }, []);

  const apply = useCallback((health: ChannelHealth) => {
    // A read already under way may predate this answer: let the next one decide.
    latest.current++;
    setByChannel((current) => new Map(current).set(health.channel.channelId, health));
  }, []);

  const applyChannel = useCallback((channel: ChannelInfo) => {
    setByChannel((current) => {
      const known = current.get(channel.channelId);
      return known ? new Map(current).set(channel.channelId, { ...known, channel }) : current;
    });
  }, []);

  useEffect(() => {
    reload();
    const timer = setInterval(reload, RefreshMs);
    const stop = live.subscribe({
      onOrganisationEvent: (event) => {
        if (event.type !== EventNames.ChannelStatusChanged && event.type !== EventNames.ChannelAlert) return;
        if (event.health) apply(event.health);
        else if (event.channel) applyChannel(event.channel);
        reload();
      },
      onReconnected: reload,
    });
    return () => {
      clearInterval(timer);
      stop();
    };
  }, [live.subscribe, reload, apply, applyChannel]);

  return { byChannel, error, reload, apply, applyChannel };
}
