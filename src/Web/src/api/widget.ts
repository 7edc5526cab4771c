import { startManagedConnection, type ManagedConnection } from './connection';
import { HubMethods } from './events';
import type { ConnectionState, WidgetHistoryPage, WidgetMessage } from './types';

export interface WidgetHandlers {
  onMessage: (message: WidgetMessage) => void;
  onStateChange: (state: ConnectionState) => void;
  /** After every (re)connect: load the history. */
  onConnected: () => void;
}

export interface WidgetClient {
  history(before: number | null, limit: number): Promise<WidgetHistoryPage>;
  send(text: string, clientMessageId: string): Promise<WidgetMessage>;
  stop(): Promise<void>;
}

export function widgetHubUrl(websiteToken: string, visitorToken: string): string {
  const query = new URLSearchParams({ websiteToken, visitorToken });
  return `/hubs/widget?${query}`;
}

/** Connects a website visitor to the widget hub. */
export function connectWidget(websiteToken: string, visitorToken: string, handlers: WidgetHandlers): WidgetClient {
  const managed: ManagedConnection = startManagedConnection({
    url: widgetHubUrl(websiteToken, visitorToken),
    register: (connection) => {
      connection.on(HubMethods.ReceiveMessage, (message: WidgetMessage) => handlers.onMessage(message));
    },
    onStateChange: handlers.onStateChange,
    onConnected: () => handlers.onConnected(),
  });

  return {
    history: (before, limit) => managed.connection.invoke<WidgetHistoryPage>('history', before, limit),
    send: (text, clientMessageId) => managed.connection.invoke<WidgetMessage>('send', text, clientMessageId),
    stop: () => managed.stop(),
  };
}
