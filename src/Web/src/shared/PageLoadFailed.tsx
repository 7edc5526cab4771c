/** An admin page whose data could not be read: the reason and a way to try again. */
export function PageLoadFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <main className="admin">
      <p className="form-error">{message}</p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </main>
  );
}
