import { startManagedConnection, type ManagedConnection } from './connection';
import { HubMethods } from './events';
import type { ConnectionState, InboxEvent } from './types';

export const InboxHubUrl = '/hubs/inbox';

export interface InboxRealtimeHandlers {
  onEvent: (event: InboxEvent) => void;
  onStateChange: (state: ConnectionState) => void;
  /** After a reconnect: events may have been missed, reload the list and the open conversation. */
  onReconnected: () => void;
  /** The connection dropped or a start failed; return false to give up (e.g. the session has ended). */
  shouldRetry?: (error: unknown) => Promise<boolean> | boolean;
}

/** Connects to the agent hub (cookie auth, same origin) and forwards `ReceiveEvent` calls. */
export function connectInbox(handlers: InboxRealtimeHandlers): ManagedConnection {
  return startManagedConnection({
    url: InboxHubUrl,
    register: (connection) => {
      connection.on(HubMethods.ReceiveEvent, (event: InboxEvent) => handlers.onEvent(event));
    },
    onStateChange: handlers.onStateChange,
    onConnected: (initial) => {
      if (!initial) handlers.onReconnected();
    },
    shouldRetry: handlers.shouldRetry,
  });
}
