import type { ChannelDetails, Team, User } from '../api/types';
import { PriorityOptions } from '../shared/priorities';
import { ChoiceList } from './ChoiceList';
import type { RuleDraft } from './ruleDrafts';

interface Props {
  draft: RuleDraft;
  index: number;
  count: number;
  channels: ChannelDetails[];
  teams: Team[];
  users: User[];
  onChange: (draft: RuleDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

/** One routing rule: when (all given conditions hold) → then (team, agent, priority). */
export function RuleEditor({ draft, index, count, channels, teams, users, onChange, onMove, onRemove }: Props) {
  const set = <K extends keyof RuleDraft>(field: K, value: RuleDraft[K]) => onChange({ ...draft, [field]: value });
  return (
    <li className="panel rule" data-testid="rule" data-rule-id={draft.ruleId}>
      <div className="rule__head">
        <span className="rule__number">{index + 1}.</span>
        <input
          aria-label="Rule name"
          data-testid="rule-name"
          placeholder="Rule name (shown in the chat: 'assigned by rule …')"
          maxLength={100}
          value={draft.name}
          onChange={(e) => set('name', e.target.value)}
        />
        <button type="button" className="button button--small" disabled={index === 0} onClick={() => onMove(-1)} aria-label="Move up" data-testid="rule-up">
          ↑
        </button>
        <button type="button" className="button button--small" disabled={index === count - 1} onClick={() => onMove(1)} aria-label="Move down" data-testid="rule-down">
          ↓
        </button>
        <button type="button" className="button button--small button--danger" onClick={onRemove} data-testid="rule-remove">
          Remove
        </button>
      </div>
      <div className="rule__body">
        <fieldset className="rule__part">
          <legend>When (all given must hold)</legend>
          <label className="field">
            <span>Keywords in the customer's message (comma-separated)</span>
            <input data-testid="rule-keywords" placeholder="refund, chargeback" value={draft.keywords} onChange={(e) => set('keywords', e.target.value)} />
          </label>
          <label className="field">
            <span>Customer's language (comma-separated tags)</span>
            <input data-testid="rule-languages" placeholder="en, pt-BR" value={draft.languages} onChange={(e) => set('languages', e.target.value)} />
          </label>
          <label className="field">
            <span>Contact attributes (name=value, comma-separated)</span>
            <input data-testid="rule-attributes" placeholder="plan=enterprise" value={draft.attributes} onChange={(e) => set('attributes', e.target.value)} />
          </label>
          <label className="field">
            <span>Priority at least</span>
            <select data-testid="rule-min-priority" value={draft.minPriority} onChange={(e) => set('minPriority', e.target.value as RuleDraft['minPriority'])}>
              <option value="">any</option>
              <PriorityOptions />
            </select>
          </label>
          <ChoiceList legend="On channels" choices={channels.map((c) => ({ id: c.channel.channelId, label: c.channel.name }))} selected={draft.channels} onChange={(v) => set('channels', v)} />
          <ChoiceList legend="Already routed to teams" choices={teams.map((t) => ({ id: t.teamId, label: t.name }))} selected={draft.teams} onChange={(v) => set('teams', v)} />
        </fieldset>
        <fieldset className="rule__part">
          <legend>Then</legend>
          <label className="field">
            <span>Route to team</span>
            <select data-testid="rule-team" value={draft.teamId} onChange={(e) => set('teamId', e.target.value)}>
              <option value="">no team</option>
              {teams.map((t) => (
                <option key={t.teamId} value={t.teamId}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Prefer agent (when online with room)</span>
            <select data-testid="rule-agent" value={draft.agentId} onChange={(e) => set('agentId', e.target.value)}>
              <option value="">anyone (round robin)</option>
              {users
                .filter((u) => u.status === 'active')
                .map((u) => (
                  <option key={u.userId} value={u.userId}>
                    {u.name}
                  </option>
                ))}
            </select>
          </label>
          <label className="field">
            <span>Set priority</span>
            <select data-testid="rule-priority" value={draft.priority} onChange={(e) => set('priority', e.target.value as RuleDraft['priority'])}>
              <option value="">leave as is</option>
              <PriorityOptions />
            </select>
          </label>
        </fieldset>
      </div>
    </li>
  );
}
