import type { ConversationSummary } from '../api/types';

function activityTime(conversation: ConversationSummary): number {
  const time = Date.parse(conversation.lastActivityAt);
  return Number.isNaN(time) ? 0 : time;
}

/** Newest activity first. */
export function sortConversations(list: ConversationSummary[]): ConversationSummary[] {
  return list.sort(
    (a, b) => activityTime(b) - activityTime(a) || a.conversationId.localeCompare(b.conversationId),
  );
}

/** Whether `incoming` is older than `current` (an answer arriving after a newer event): then it is not applied. */
function isStale(incoming: ConversationSummary, current: ConversationSummary): boolean {
  const incomingRevision = incoming.revision ?? 0;
  const currentRevision = current.revision ?? 0;
  if (incomingRevision !== currentRevision) return incomingRevision < currentRevision;
  return incoming.lastSequence < current.lastSequence;
}

export function upsertConversation(
  list: readonly ConversationSummary[],
  conversation: ConversationSummary,
): ConversationSummary[] {
  const current = list.find((c) => c.conversationId === conversation.conversationId);
  if (current && isStale(conversation, current)) return list as ConversationSummary[];
  const next = list.filter((c) => c.conversationId !== conversation.conversationId);
  next.push(conversation);
  return sortConversations(next);
}

function isNewer(a: ConversationSummary, b: ConversationSummary): boolean {
  if ((a.revision ?? 0) !== (b.revision ?? 0)) return (a.revision ?? 0) > (b.revision ?? 0);
  if (a.lastSequence !== b.lastSequence) return a.lastSequence > b.lastSequence;
  return activityTime(a) > activityTime(b);
}

/**
 * Replaces the list with a freshly loaded one, but keeps what events delivered while it was loading
 * (`touched`) when that is newer than the loaded copy.
 */
export function mergeConversationList(
  current: readonly ConversationSummary[],
  fresh: readonly ConversationSummary[],
  touched: ReadonlySet<string>,
): ConversationSummary[] {
  const byId = new Map(fresh.map((c) => [c.conversationId, c] as const));
  for (const conversation of current) {
    if (!touched.has(conversation.conversationId)) continue;
    const loaded = byId.get(conversation.conversationId);
    if (!loaded || isNewer(conversation, loaded)) byId.set(conversation.conversationId, conversation);
  }
  return sortConversations([...byId.values()]);
}

const platformNames: Record<string, string> = {
  webchat: 'Web chat',
  whatsapp: 'WhatsApp',
  messenger: 'Messenger',
  instagram: 'Instagram',
  telegram: 'Telegram',
  wechat: 'WeChat',
  line: 'LINE',
};

export function platformName(platform: string): string {
  return platformNames[platform] ?? platform;
}
