import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/rest';
import type { AuditEntry, AuditFilter, AuditVerification } from '../api/types';
import { formatFull } from '../shared/format';

/** Days are UTC in the API; the pickers show and send UTC dates. */
function utcDay(offsetDays = 0): string {
  const date = new Date(Date.now() + offsetDays * 86_400_000);
  return date.toISOString().slice(0, 10);
}

function describe(value: unknown): string {
  return value === null || value === undefined ? '' : JSON.stringify(value, null, 1);
}

/** Admins read who did what, when and from where, and check that nobody has altered the log. */
export function AuditPage() {
  const [draft, setDraft] = useState<AuditFilter>({ from: utcDay(-6), to: utcDay() });
  const [filter, setFilter] = useState<AuditFilter>(draft);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [verification, setVerification] = useState<AuditVerification | null>(null);

  const load = useCallback(async (query: AuditFilter, after: string | null) => {
    setBusy(true);
    setError(null);
    try {
      const page = await api.queryAudit(query, after);
      setEntries((shown) => (after ? [...shown, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The audit log could not be read.');
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    void load(filter, null);
  }, [filter, load]);

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setVerification(null);
    setFilter({ ...draft });
  }

  async function verify() {
    setError(null);
    try {
      setVerification(await api.verifyAudit({ from: filter.from, to: filter.to }));
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Verification failed.');
    }
  }

  const field = (name: keyof AuditFilter, label: string, type = 'text') => (
    <label className="field">
      <span>{label}</span>
      <input name={name} type={type} value={draft[name] ?? ''} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })} />
    </label>
  );

  return (
    <main className="admin" data-testid="audit-page">
      <h1>Audit log</h1>
      <form className="panel audit__filters" onSubmit={search}>
        {field('from', 'From (UTC)', 'date')}
        {field('to', 'To (UTC)', 'date')}
        {field('actor', 'Actor id')}
        {field('action', 'Action')}
        {field('subject', 'Subject id')}
        <div className="audit__buttons">
          <button type="submit" className="button button--primary">
            Search
          </button>
          <button type="button" className="button" onClick={() => void verify()} data-testid="verify-audit">
            Verify integrity
          </button>
          <a className="button" href={api.auditExportUrl(filter)} download data-testid="export-audit">
            Export CSV
          </a>
        </div>
      </form>
      {verification && (
        <div className={verification.firstBroken ? 'callout callout--danger' : 'callout callout--ok'} role="status" data-testid="audit-verification">
          {verification.firstBroken
            ? `Broken: entry ${verification.firstBroken.sequence} of ${verification.firstBroken.partition}: ${verification.firstBroken.reason}.`
            : `Intact: all ${verification.entries} entries in ${verification.partitions} partitions check out.`}
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <section className="panel">
        <table className="audit" data-testid="audit-table">
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>From</th>
              <th>Action</th>
              <th>Subject</th>
              <th>Change</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={`${entry.partition}/${entry.sequence}`} data-testid="audit-entry">
                <td title={entry.at}>{formatFull(entry.at)}</td>
                <td title={entry.actor.id}>
                  {entry.actor.name}
                  {entry.actor.kind && <span className="muted"> · {entry.actor.kind}</span>}
                </td>
                <td>{entry.from ?? <span className="muted">—</span>}</td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>
                  {entry.subject.type} <code>{entry.subject.id}</code>
                </td>
                <td>
                  {(entry.before !== null || entry.after !== null) && (
                    <details>
                      <summary>Details</summary>
                      {entry.before !== null && <pre className="audit__json">before: {describe(entry.before)}</pre>}
                      {entry.after !== null && <pre className="audit__json">after: {describe(entry.after)}</pre>}
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {!busy && entries.length === 0 && <p className="muted">Nothing matches.</p>}
        {cursor && (
          <button type="button" className="button" disabled={busy} onClick={() => void load(filter, cursor)}>
            Load older
          </button>
        )}
      </section>
    </main>
  );
}
