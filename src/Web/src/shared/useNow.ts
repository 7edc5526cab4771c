import { useEffect, useState } from 'react';

/** The time now, refreshed every `intervalMs`, for figures that tick ("waiting 3m"). */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
