import type { ConversationStatus, ConversationSummary } from '../api/types';
import { useNow } from '../shared/useNow';
import { ConversationListItem } from './ConversationListItem';

/** Whose conversations the list shows. */
export type ListView = 'mine' | 'unassigned' | 'all';

interface Props {
  conversations: ConversationSummary[];
  loading: boolean;
  error: string | null;
  openId: string | null;
  unreadCounts: Record<string, number>;
  view: ListView;
  status: ConversationStatus;
  /** Assignees' names by user id. */
  userNames: ReadonlyMap<string, string>;
  currentUserId: string;
  onView: (view: ListView) => void;
  onStatus: (status: ConversationStatus) => void;
  onOpen: (conversationId: string) => void;
  onRetry: () => void;
}

const views: { view: ListView; label: string }[] = [
  { view: 'mine', label: 'Mine' },
  { view: 'unassigned', label: 'Unassigned' },
  { view: 'all', label: 'All' },
];

const statuses: { status: ConversationStatus; label: string }[] = [
  { status: 'open', label: 'Open' },
  { status: 'pending', label: 'Pending' },
  { status: 'snoozed', label: 'Snoozed' },
  { status: 'resolved', label: 'Resolved' },
];

const emptyText: Record<ListView, string> = {
  mine: 'Nothing assigned to you here.',
  unassigned: 'Nobody is waiting.',
  all: 'No conversations yet.',
};

export function ConversationList(props: Props) {
  const { conversations, loading, error, openId, unreadCounts, view, status, userNames, currentUserId } = props;
  // "Waiting 3m" badges move on by themselves.
  const now = useNow(15_000);
  return (
    <nav className="conversations" aria-label="Conversations">
      <div className="conversations__head">
        <h2 className="conversations__title">Conversations</h2>
        <select
          aria-label="Status"
          data-testid="status-filter"
          className="conversations__status"
          value={status}
          onChange={(e) => props.onStatus(e.target.value as ConversationStatus)}
        >
          {statuses.map((s) => (
            <option key={s.status} value={s.status}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <div className="segmented" role="group" aria-label="Whose conversations">
        {views.map((v) => (
          <button
            key={v.view}
            type="button"
            className={v.view === view ? 'segmented__item segmented__item--current' : 'segmented__item'}
            aria-pressed={v.view === view}
            data-testid={`view-${v.view}`}
            onClick={() => props.onView(v.view)}
          >
            {v.label}
          </button>
        ))}
      </div>
      {error && (
        <div className="notice notice--error">
          <span>{error}</span>
          <button type="button" className="button button--small" onClick={props.onRetry}>
            Retry
          </button>
        </div>
      )}
      <ul className="conversations__list" data-testid="conversation-list">
        {conversations.map((c) => (
          <ConversationListItem
            key={c.conversationId}
            conversation={c}
            active={c.conversationId === openId}
            unread={unreadCounts[c.conversationId] ?? 0}
            assigneeName={c.assigneeId ? (c.assigneeId === currentUserId ? 'You' : (userNames.get(c.assigneeId) ?? c.assigneeId)) : null}
            now={now}
            onOpen={props.onOpen}
          />
        ))}
      </ul>
      {!loading && !error && conversations.length === 0 && <p className="conversations__empty">{emptyText[view]}</p>}
      {loading && conversations.length === 0 && <p className="conversations__empty">Loading…</p>}
    </nav>
  );
}
