import { useState } from 'react';
import { api } from '../api/rest';
import type { ConversationPriority, ConversationStatus, ConversationSummary, CurrentUser, User } from '../api/types';
import { formatFull } from '../shared/format';
import { PriorityOptions } from '../shared/priorities';
import { snoozePresets, toLocalInput } from './snooze';

interface Props {
  conversation: ConversationSummary;
  user: CurrentUser;
  users: User[];
  /** The conversation as the server answered after a change. */
  onChanged: (conversation: ConversationSummary) => void;
}

/**
 * What can be done to a conversation from its header: status (resolve, pending, snooze, reopen), priority, and who
 * holds it. Supervisors assign anyone, take over and observe; an agent changes only their own or unassigned ones.
 */
export function ConversationActions({ conversation: c, user, users, onChanged }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [snoozing, setSnoozing] = useState(false);
  const [customUntil, setCustomUntil] = useState(() => toLocalInput(snoozePresets[1]!.until(new Date())));

  const canManage = user.permissions.includes('conversations_manage');
  const canReply = user.permissions.includes('conversations_reply');
  const mine = c.assigneeId === user.userId;
  const mayChange = canManage || (canReply && (!c.assigneeId || mine));
  const observing = c.observerIds?.includes(user.userId) ?? false;

  async function act(action: () => Promise<ConversationSummary>) {
    setBusy(true);
    setError(null);
    try {
      onChanged(await action());
      setSnoozing(false);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'That did not work.');
    } finally {
      setBusy(false);
    }
  }

  const setStatus = (status: ConversationStatus, until: Date | null = null) =>
    void act(() => api.setStatus(c.conversationId, status, until ? until.toISOString() : null));

  function snoozeCustom() {
    const until = new Date(customUntil);
    if (Number.isNaN(until.getTime()) || until.getTime() <= Date.now()) {
      setError('Choose a time in the future.');
      return;
    }
    setStatus('snoozed', until);
  }

  const assignable = users.filter((u) => u.status === 'active');

  return (
    <div className="chat-actions" data-testid="chat-actions">
      <div className="chat-actions__row">
        {canManage ? (
          <label className="chat-actions__field">
            <span>Assignee</span>
            <select
              data-testid="assignee-select"
              value={c.assigneeId ?? ''}
              disabled={busy}
              onChange={(e) => void act(() => api.assign(c.conversationId, e.target.value || null))}
            >
              <option value="">Unassigned (back to queue)</option>
              {assignable.map((u) => (
                <option key={u.userId} value={u.userId}>
                  {u.name}
                  {u.userId === user.userId ? ' (you)' : ''}
                </option>
              ))}
              {c.assigneeId && !assignable.some((u) => u.userId === c.assigneeId) && <option value={c.assigneeId}>{c.assigneeId}</option>}
            </select>
          </label>
        ) : (
          <span className="chat-actions__field" data-testid="assignee-name">
            {mine ? 'Assigned to you' : c.assigneeId ? `Assigned to ${users.find((u) => u.userId === c.assigneeId)?.name ?? c.assigneeId}` : 'Unassigned'}
          </span>
        )}
        {canManage && !mine && (
          <button type="button" className="button button--small" disabled={busy} data-testid="take-over" onClick={() => void act(() => api.assign(c.conversationId, user.userId))}>
            {c.assigneeId ? 'Take over' : 'Assign to me'}
          </button>
        )}
        {!canManage && canReply && !c.assigneeId && (
          <button type="button" className="button button--small" disabled={busy} data-testid="assign-to-me" onClick={() => void act(() => api.assign(c.conversationId, user.userId))}>
            Assign to me
          </button>
        )}
        {canManage && !mine && (
          <button
            type="button"
            className="button button--small button--ghost"
            disabled={busy}
            data-testid="observe"
            title="Watch silently: nobody is told, the customer sees nothing."
            onClick={() => void act(() => api.observe(c.conversationId, !observing))}
          >
            {observing ? 'Stop observing' : 'Observe'}
          </button>
        )}
        <label className="chat-actions__field">
          <span>Priority</span>
          <select
            data-testid="priority-select"
            value={c.priority ?? 'none'}
            disabled={busy || !mayChange}
            onChange={(e) => void act(() => api.setPriority(c.conversationId, e.target.value as ConversationPriority))}
          >
            <PriorityOptions />
          </select>
        </label>
      </div>
      {mayChange && (
        <div className="chat-actions__row">
          {c.status === 'snoozed' && c.snoozedUntil && <span className="muted">Snoozed until {formatFull(c.snoozedUntil)}</span>}
          {c.status === 'open' && (
            <button type="button" className="button button--small" disabled={busy} data-testid="mark-pending" title="Waiting on the customer" onClick={() => setStatus('pending')}>
              Mark pending
            </button>
          )}
          {(c.status === 'open' || c.status === 'pending') && (
            <button type="button" className="button button--small" disabled={busy} data-testid="snooze" aria-expanded={snoozing} onClick={() => setSnoozing((s) => !s)}>
              Snooze…
            </button>
          )}
          {c.status !== 'open' && (
            <button type="button" className="button button--small" disabled={busy} data-testid="reopen" onClick={() => setStatus('open')}>
              Reopen
            </button>
          )}
          {c.status !== 'resolved' && (
            <button type="button" className="button button--small button--primary" disabled={busy} data-testid="resolve" onClick={() => setStatus('resolved')}>
              Resolve
            </button>
          )}
        </div>
      )}
      {snoozing && (
        <div className="chat-actions__row snooze" data-testid="snooze-menu">
          <span>Snooze until:</span>
          {snoozePresets.map((p) => (
            <button key={p.label} type="button" className="button button--small" disabled={busy} onClick={() => setStatus('snoozed', p.until(new Date()))}>
              {p.label}
            </button>
          ))}
          <input type="datetime-local" aria-label="Snooze until" value={customUntil} onChange={(e) => setCustomUntil(e.target.value)} />
          <button type="button" className="button button--small" disabled={busy} onClick={snoozeCustom}>
            Snooze
          </button>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="chat-actions-error">
          {error}
        </p>
      )}
    </div>
  );
}
