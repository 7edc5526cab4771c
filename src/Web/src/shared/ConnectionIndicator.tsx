import type { ConnectionState } from '../api/types';

interface Props {
  state: ConnectionState;
  testId: string;
}

/** A dot and a word: "connected", "connecting", "reconnecting" or "disconnected". */
export function ConnectionIndicator({ state, testId }: Props) {
  return (
    <span className={`connection connection--${state}`} data-testid={testId} data-state={state} role="status" aria-live="polite">
      {state}
    </span>
  );
}
