import type { ConversationSummary } from '../api/types';
import { useNow } from '../shared/useNow';

/** How long before the platform's window closes the composer starts saying so. */
const HintWithinMs = 4 * 60 * 60 * 1000;

export interface ReplyWindow {
  /** Why replies are refused now, in the server's words (the 409 says the same); null while they may be sent. */
  refusal: string | null;
  /** A gentle heads-up while the window closes within a few hours ("Reply window closes in 2 h"); null otherwise. */
  hint: string | null;
  /** When it closes (ISO), for a tooltip; null when the platform has no window. */
  closesAt: string | null;
}

/**
 * The platform's messaging window of `conversation` as of `now`. The client decides only whether it has closed; what
 * that means for the agent is the server's sentence (`replyWindowRefusal`), so the two never drift apart.
 */
export function replyWindowAt(conversation: ConversationSummary | null, now: number): ReplyWindow {
  const closesAt = conversation?.replyWindowClosesAt ?? null;
  const closes = closesAt ? Date.parse(closesAt) : Number.NaN;
  if (!conversation || Number.isNaN(closes)) return { refusal: null, hint: null, closesAt: null };
  const left = closes - now;
  if (left <= 0) return { refusal: conversation.replyWindowRefusal ?? null, hint: null, closesAt };
  return { refusal: null, hint: left <= HintWithinMs ? `Reply window closes in ${timeLeft(left)}` : null, closesAt };
}

/** The window of the open conversation, kept current as time passes and as events bring new summaries. */
export function useReplyWindow(conversation: ConversationSummary | null): ReplyWindow {
  return replyWindowAt(conversation, useNow(15_000));
}

/** "less than a minute", "35 min", "2 h", "1 h 20 min". */
function timeLeft(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}
