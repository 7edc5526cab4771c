import { startManagedConnection, type ManagedConnection } from './connection';
import { HubMethods } from './events';
import type { ConnectionState, InboxEvent, OrganisationEvent } from './types';

export const InboxHubUrl = '/hubs/inbox';

export interface InboxRealtimeHandlers {
  /** A conversation's event (`ReceiveEvent`). */
  onEvent: (event: InboxEvent) => void;
  /** The organisation's wallboard, a wait alert, or an agent's presence (`ReceiveOrganisationEvent`). */
  onOrganisationEvent: (event: OrganisationEvent) => void;
  onStateChange: (state: ConnectionState) => void;
  /** After a reconnect: events may have been missed, reload what is shown. */
  onReconnected: () => void;
  /** The connection dropped or a start failed; return false to give up (e.g. the session has ended). */
  shouldRetry?: (error: unknown) => Promise<boolean> | boolean;
}

/** Connects to the agent hub (cookie auth, same origin) and forwards what the server pushes. */
export function connectInbox(handlers: InboxRealtimeHandlers): ManagedConnection {
  return startManagedConnection({
    url: InboxHubUrl,
    register: (connection) => {
      connection.on(HubMethods.ReceiveEvent, (event: InboxEvent) => handlers.onEvent(event));
      connection.on(HubMethods.ReceiveOrganisationEvent, (event: OrganisationEvent) => handlers.onOrganisationEvent(event));
    },
    onStateChange: handlers.onStateChange,
    onConnected: (initial) => {
      if (!initial) handlers.onReconnected();
    },
    shouldRetry: handlers.shouldRetry,
  });
}
