import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/rest';
import type { ChannelDetails, RoutingSettings, Team, User } from '../api/types';
import { RuleEditor } from './RuleEditor';
import { emptyDraft, ruleIdFor, toDraft, toRule, type RuleDraft } from './ruleDrafts';
import { PageLoadFailed } from '../shared/PageLoadFailed';

type Load =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; channels: ChannelDetails[]; teams: Team[]; users: User[] };

type Numbers = Pick<RoutingSettings, 'defaultCapacity' | 'waitAlertSeconds' | 'reopenWindowHours'>;

/** Admins set how conversations reach agents: automatic assignment, capacities, alerts, and rules tried in order. */
export function RoutingPage() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [autoAssign, setAutoAssign] = useState(true);
  const [returnToQueue, setReturnToQueue] = useState(false);
  const [numbers, setNumbers] = useState<Record<keyof Numbers, string>>({ defaultCapacity: '', waitAlertSeconds: '', reopenWindowHours: '' });
  const [rules, setRules] = useState<RuleDraft[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const show = useCallback((settings: RoutingSettings) => {
    setAutoAssign(settings.autoAssign);
    setReturnToQueue(settings.returnToQueueWhenOffline);
    setNumbers({
      defaultCapacity: String(settings.defaultCapacity),
      waitAlertSeconds: String(settings.waitAlertSeconds),
      reopenWindowHours: String(settings.reopenWindowHours),
    });
    setRules(settings.rules.map(toDraft));
  }, []);

  const reload = useCallback(async () => {
    setLoad({ status: 'loading' });
    try {
      const [settings, channels, teams, users] = await Promise.all([api.getRoutingSettings(), api.listChannels(), api.listTeams(), api.listUsers()]);
      show(settings);
      setLoad({ status: 'ready', channels, teams, users });
    } catch (err) {
      setLoad({ status: 'error', message: err instanceof Error ? err.message : 'The routing settings could not be read.' });
    }
  }, [show]);

  useEffect(() => {
    void reload();
  }, [reload]);

  function change(next: RuleDraft[]) {
    setRules(next);
    setSaved(false);
  }

  function move(index: number, by: -1 | 1) {
    const next = [...rules];
    const [rule] = next.splice(index, 1);
    if (!rule) return;
    next.splice(index + by, 0, rule);
    change(next);
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    // New rules get an id from their name, once; a rule keeps its id when renamed, so the audit log follows it.
    const taken = new Set(rules.map((r) => r.ruleId).filter(Boolean));
    const withIds = rules.map((r) => {
      if (r.ruleId) return r;
      const ruleId = ruleIdFor(r.name, taken);
      taken.add(ruleId);
      return { ...r, ruleId };
    });
    setRules(withIds);
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      show(
        await api.saveRoutingSettings({
          autoAssign,
          returnToQueueWhenOffline: returnToQueue,
          defaultCapacity: Number(numbers.defaultCapacity),
          waitAlertSeconds: Number(numbers.waitAlertSeconds),
          reopenWindowHours: Number(numbers.reopenWindowHours),
          rules: withIds.map(toRule),
        }),
      );
      setSaved(true);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The settings could not be saved.');
    } finally {
      setBusy(false);
    }
  }

  if (load.status === 'loading') return <main className="admin">Loading…</main>;
  if (load.status === 'error') return <PageLoadFailed message={load.message} onRetry={() => void reload()} />;

  const number = (field: keyof Numbers, label: string, min: number, max: number, hint: string) => (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        name={field}
        data-testid={`setting-${field}`}
        min={min}
        max={max}
        required
        value={numbers[field]}
        onChange={(e) => {
          setNumbers({ ...numbers, [field]: e.target.value });
          setSaved(false);
        }}
      />
      <small className="muted">{hint}</small>
    </label>
  );

  return (
    <main className="admin" data-testid="routing-page">
      <h1>Routing</h1>
      <form onSubmit={(e) => void save(e)} data-testid="routing-form">
        <section className="panel routing-settings">
          <h2>Settings</h2>
          <label className="choices__item">
            <input type="checkbox" data-testid="setting-autoAssign" checked={autoAssign} onChange={(e) => setAutoAssign(e.target.checked)} />
            Assign waiting conversations automatically (otherwise rules still route and prioritise, and agents take them)
          </label>
          <label className="choices__item">
            <input type="checkbox" data-testid="setting-returnToQueue" checked={returnToQueue} onChange={(e) => setReturnToQueue(e.target.checked)} />
            When an agent goes offline, send their open and pending conversations back to the queue
          </label>
          <div className="routing-settings__numbers">
            {number('defaultCapacity', 'Default capacity', 1, 1000, 'Open conversations an agent holds at most, unless set on the Team page.')}
            {number('waitAlertSeconds', 'Alert after (seconds)', 10, 86400, 'Supervisors are alerted when a customer waits this long.')}
            {number('reopenWindowHours', 'Reopen window (hours)', 0, 8760, 'A customer writing within this time reopens a resolved conversation; later starts a new one.')}
          </div>
        </section>
        <section className="routing-rules">
          <h2>Rules</h2>
          <p className="muted">Tried in order when a conversation starts waiting; the first that matches decides. With none matching, round robin.</p>
          <ol className="rules" data-testid="rules">
            {rules.map((draft, index) => (
              <RuleEditor
                key={draft.key}
                draft={draft}
                index={index}
                count={rules.length}
                channels={load.channels}
                teams={load.teams}
                users={load.users}
                onChange={(next) => change(rules.map((r) => (r.key === draft.key ? next : r)))}
                onMove={(by) => move(index, by)}
                onRemove={() => change(rules.filter((r) => r.key !== draft.key))}
              />
            ))}
          </ol>
          {rules.length === 0 && <p className="muted">No rules: every conversation goes round robin.</p>}
          <button type="button" className="button" data-testid="add-rule" disabled={rules.length >= 100} onClick={() => change([...rules, emptyDraft()])}>
            Add rule
          </button>
        </section>
        {error && (
          <p className="form-error" role="alert" data-testid="routing-error">
            {error}
          </p>
        )}
        {saved && (
          <p className="form-message" role="status" data-testid="routing-saved">
            Saved. New conversations are routed by these settings from now on.
          </p>
        )}
        <div className="routing-actions">
          <button type="submit" className="button button--primary" data-testid="save-routing" disabled={busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button button--ghost" disabled={busy} onClick={() => void reload()}>
            Discard changes
          </button>
        </div>
      </form>
    </main>
  );
}
