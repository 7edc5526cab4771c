import {
  HubConnection,
  HubConnectionBuilder,
  HubConnectionState,
  LogLevel,
} from '@microsoft/signalr';
import type { ConnectionState } from './types';

export interface ManagedConnectionOptions {
  url: string;
  /** Register `connection.on(...)` handlers; called once, before the first start. */
  register: (connection: HubConnection) => void;
  onStateChange: (state: ConnectionState) => void;
  /**
   * Called after every successful (re)connect, including the first one. `initial` is false after a
   * reconnect, when events may have been missed and state should be reloaded.
   */
  onConnected: (initial: boolean) => void;
  /**
   * Called when the connection drops or a start attempt fails; return false to stop retrying (e.g. the session is
   * gone: a deactivated user's connection is cut by the server, and this is how the page finds out at once).
   */
  shouldRetry?: (error: unknown) => Promise<boolean> | boolean;
}

export interface ManagedConnection {
  readonly connection: HubConnection;
  stop(): Promise<void>;
}

// After `withAutomaticReconnect` gives up (0, 2, 10, 30 s) we keep trying on our own, slower.
const restartDelaysMs = [1_000, 3_000, 5_000, 10_000, 20_000, 30_000];

/**
 * A SignalR connection that reconnects automatically, keeps retrying when the first start or the
 * automatic reconnect fails, and reports a simple connection state.
 */
export function startManagedConnection(options: ManagedConnectionOptions): ManagedConnection {
  const connection = new HubConnectionBuilder()
    .withUrl(options.url)
    .withAutomaticReconnect()
    .configureLogging(LogLevel.Warning)
    .build();

  let stopped = false;
  let everConnected = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;

  options.register(connection);

  connection.onreconnecting((error) => {
    if (stopped) return;
    options.onStateChange('reconnecting');
    void (async () => {
      const retry = options.shouldRetry ? await options.shouldRetry(error) : true;
      if (!retry && !stopped) {
        stopped = true;
        clearTimeout(retryTimer);
        options.onStateChange('disconnected');
        await connection.stop().catch(() => undefined);
      }
    })();
  });
  connection.onreconnected(() => {
    if (stopped) return;
    options.onStateChange('connected');
    options.onConnected(false);
  });
  connection.onclose(() => {
    if (stopped) return;
    options.onStateChange('reconnecting');
    scheduleStart();
  });

  function scheduleStart(): void {
    const delay = restartDelaysMs[Math.min(attempt, restartDelaysMs.length - 1)] ?? 30_000;
    attempt += 1;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void start(), delay);
  }

  async function start(): Promise<void> {
    if (stopped || connection.state !== HubConnectionState.Disconnected) return;
    options.onStateChange(everConnected ? 'reconnecting' : 'connecting');
    try {
      await connection.start();
    } catch (error) {
      if (stopped) return;
      const retry = options.shouldRetry ? await options.shouldRetry(error) : true;
      if (stopped) return;
      if (retry) {
        options.onStateChange(everConnected ? 'reconnecting' : 'connecting');
        scheduleStart();
      } else {
        options.onStateChange('disconnected');
      }
      return;
    }
    if (stopped) {
      void connection.stop();
      return;
    }
    attempt = 0;
    const initial = !everConnected;
    everConnected = true;
    options.onStateChange('connected');
    options.onConnected(initial);
  }

  void start();

  return {
    connection,
    async stop() {
      stopped = true;
      clearTimeout(retryTimer);
      try {
        await connection.stop();
      } catch {
        // Stopping while negotiating rejects; nothing to do.
      }
    },
  };
}

/** The user-facing part of a hub error, e.g. the message of a server-side HubException. */
export function hubErrorMessage(error: unknown, fallback = 'Something went wrong.'): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  if (!raw) return fallback;
  const marker = 'HubException: ';
  const index = raw.indexOf(marker);
  if (index >= 0) return raw.slice(index + marker.length).trim() || fallback;
  if (raw.includes('An unexpected error occurred invoking')) return fallback;
  if (/connection (is not|was not|was stopped|disconnected)|Cannot send data/i.test(raw)) {
    return 'Not connected. Please wait a moment and try again.';
  }
  return raw;
}
