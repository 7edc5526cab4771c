import type { FormEvent, ReactNode } from 'react';

interface Props {
  title: string;
  testId: string;
  hint?: string;
  error: string | null;
  busy: boolean;
  submitLabel: string;
  busyLabel: string;
  onSubmit: () => void;
  children: ReactNode;
}

/** The centred card of the signed-out pages (sign-in, accepting an invitation): brand, fields, error, one button. */
export function AuthCard({ title, testId, hint, error, busy, submitLabel, busyLabel, onSubmit, children }: Props) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!busy) onSubmit();
  }

  return (
    <main className="login">
      <form className="login__card" data-testid={testId} onSubmit={submit}>
        <div className="login__brand">
          <span className="brand-mark" aria-hidden="true">
            I
          </span>
          <h1>{title}</h1>
        </div>
        {hint && <p className="login__hint">{hint}</p>}
        {children}
        {error && (
          <p className="form-error" data-testid={`${testId.replace(/-form$/, '')}-error`} role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
      </form>
    </main>
  );
}
