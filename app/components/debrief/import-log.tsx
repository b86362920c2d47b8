'use client';

import { useId, useState, type FormEvent } from 'react';
import { api, errorMessage } from '../../lib/api';

/** The server's limit on an import's body (IMPORT_BODY_LIMIT in server/api/replay-router.ts). */
const MAX_BYTES = 32 * 1024 * 1024;

/** What is wrong with a chosen file before it is sent, or null when it may be sent. */
export function fileProblem(file: { name: string; size: number } | undefined): string | null {
  if (!file) return 'Choose a file first: the events.json that a debrief’s “Event log (JSON)” button downloaded.';
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > MAX_BYTES) return `${file.name} is ${(file.size / 1024 / 1024).toFixed(0)} MB; an event log can be at most 32 MB.`;
  return null;
}

/** The file's text as JSON, or a sentence saying why it is not. */
export function parseLogFile(name: string, text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, message: `${name} is not a JSON file. Choose the events.json that a debrief’s “Event log (JSON)” button downloaded.` };
  }
}

/**
 * Imports an exported event log (docs/export.md) as a finished session of this facilitator, with
 * its whole debrief. The file is checked here for what a browser can tell (chosen, size, JSON);
 * the server checks the format and replays the log before storing anything, and its refusal is
 * shown as it says it.
 */
export function ImportLog({ onImported }: { onImported?: () => void }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ sessionId: string; code: string; name: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    setDone(null);
    const input = e.currentTarget.elements.namedItem('log') as HTMLInputElement;
    const file = input.files?.[0];
    const problem = fileProblem(file);
    if (problem || !file) {
      setError(problem);
      input.focus();
      return;
    }
    setBusy(true);
    try {
      const parsed = parseLogFile(file.name, await file.text());
      if (!parsed.ok) {
        setError(parsed.message);
        input.focus();
        return;
      }
      const created = await api.replay.import.mutate({ file: parsed.value });
      setDone({ ...created, name: file.name });
      input.value = '';
      onImported?.();
    } catch (err) {
      setError(`${file.name} was not imported: ${errorMessage(err)}`);
      input.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Import an event log</h2>
      <p className="hint" id={`${id}-help`}>
        An events.json downloaded from a debrief, here or on another installation, becomes a finished session of yours with its full
        debrief. Nothing is stored unless the whole log replays.
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-file`}>Event log (JSON)</label>
          <input
            id={`${id}-file`}
            name="log"
            type="file"
            accept=".json,application/json"
            aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
            aria-invalid={error ? true : undefined}
            onChange={() => setError(null)}
          />
        </div>
        <div className="button-row">
          <button type="submit" disabled={busy}>
            {busy ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
      <div role="alert" id={`${id}-error`} className={error ? 'error' : undefined}>
        {error}
      </div>
      <p role="status">
        {done ? (
          <>
            {done.name} is imported as session <span className="code">{done.code}</span>:{' '}
            <a href={`/facilitator/debrief/${encodeURIComponent(done.sessionId)}`}>open its debrief</a>.
          </>
        ) : null}
      </p>
    </section>
  );
}
