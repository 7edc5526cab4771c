/** Anything with a message id and a per-conversation sequence number. */
export interface Sequenced {
  messageId: string;
  sequence: number;
}

export interface MessageWindow<T extends Sequenced> {
  items: T[];
  hasMore: boolean;
}

function bySequence(a: Sequenced, b: Sequenced): number {
  return a.sequence - b.sequence || (a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0);
}

/**
 * Adds messages to a list, deduplicated by messageId and sorted by sequence.
 * `replace` decides what happens to a message already in the list: updates replace it,
 * creations (which never change content) keep what we have.
 */
export function upsertMessages<T extends Sequenced>(existing: readonly T[], incoming: readonly T[], replace = false): T[] {
  if (incoming.length === 0) return existing as T[];
  const byId = new Map<string, T>();
  for (const message of existing) byId.set(message.messageId, message);
  let changed = false;
  for (const message of incoming) {
    if (!replace && byId.has(message.messageId)) continue;
    byId.set(message.messageId, message);
    changed = true;
  }
  if (!changed) return existing as T[];
  return [...byId.values()].sort(bySequence);
}

/**
 * Merges a freshly loaded newest page into what we already show. When the page does not reach back to
 * what we have (messages were missed in between), older messages are dropped so the list has no hole;
 * messages newer than the page (arrived by event while loading) are kept.
 */
export function mergeLatestPage<T extends Sequenced>(
  current: MessageWindow<T>,
  page: MessageWindow<T>,
): MessageWindow<T> {
  const fresh = [...page.items].sort(bySequence);
  const first = fresh[0];
  const last = fresh[fresh.length - 1];
  if (!first || !last) return current.items.length ? current : { items: [], hasMore: page.hasMore };
  if (current.items.length === 0) return { items: fresh, hasMore: page.hasMore };

  const currentMax = current.items[current.items.length - 1]?.sequence ?? 0;
  const currentMin = current.items[0]?.sequence ?? 0;
  const hole = page.hasMore && first.sequence > currentMax + 1;
  if (hole) {
    const newer = current.items.filter((m) => m.sequence > last.sequence);
    return { items: upsertMessages(fresh, newer), hasMore: true };
  }
  const items = upsertMessages(current.items, fresh, true);
  const hasMore = currentMin < first.sequence ? current.hasMore : page.hasMore;
  return { items, hasMore };
}

export function maxSequence(items: readonly Sequenced[]): number | undefined {
  let max: number | undefined;
  for (const item of items) if (max === undefined || item.sequence > max) max = item.sequence;
  return max;
}
