'use client';

/** Downloads (served over plain HTTP with the facilitator's cookie) and the printed report. */
export function ExportBar({ sessionId }: { sessionId: string }) {
  const base = `/api/export/${encodeURIComponent(sessionId)}`;
  return (
    <div className="button-row export-bar" role="group" aria-label="Export and print">
      <a className="button-link" href={`${base}/events.json`} download>
        Event log (JSON)
      </a>
      <a className="button-link" href={`${base}/transcript.csv`} download>
        Transcript (CSV)
      </a>
      <a className="button-link" href={`${base}/transcript.csv?names=0`} download>
        Transcript without names (CSV)
      </a>
      <button type="button" onClick={() => window.print()}>
        Print the report
      </button>
    </div>
  );
}
