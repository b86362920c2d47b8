/** What an action came to, in words, announced politely: the error (an alert) or what was done. */
export function Feedback({ error, notice, className }: { error: string | null; notice: string | null; className?: string }) {
  return (
    <div className={className} aria-live="polite">
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {notice && <p>{notice}</p>}
    </div>
  );
}
