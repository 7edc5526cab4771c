import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject, type UIEvent } from 'react';

/** How close to the bottom (px) still counts as "reading the newest messages". */
const NearBottom = 120;

interface Snapshot {
  key: string;
  firstId: string | undefined;
  lastId: string | undefined;
  scrollHeight: number;
}

/**
 * Keeps a message list pinned to the newest message while the reader is near the bottom (or when
 * `pin` says so, e.g. for their own message), and keeps the position when older messages are
 * added above. Returns the scroll handler for the scrolling element.
 */
export function useAutoScroll(
  scroller: RefObject<HTMLElement | null>,
  key: string,
  firstId: string | undefined,
  lastId: string | undefined,
  pin: boolean,
) {
  const nearBottom = useRef(true);
  const previous = useRef<Snapshot | null>(null);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const prev = previous.current;
    if (!prev || prev.key !== key || prev.lastId === undefined) {
      el.scrollTop = el.scrollHeight;
      nearBottom.current = true;
    } else if (lastId !== prev.lastId) {
      if (nearBottom.current || pin) {
        el.scrollTop = el.scrollHeight;
        nearBottom.current = true;
      }
    } else if (firstId !== prev.firstId) {
      el.scrollTop += el.scrollHeight - prev.scrollHeight;
    }
    previous.current = { key, firstId, lastId, scrollHeight: el.scrollHeight };
  }, [scroller, key, firstId, lastId, pin]);

  // The list also shrinks when something appears below it (an error line, a taller composer): stay pinned.
  useEffect(() => {
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (nearBottom.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [scroller]);

  return useCallback((event: UIEvent<HTMLElement>) => {
    const el = event.currentTarget;
    nearBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NearBottom;
  }, []);
}
