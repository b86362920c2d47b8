'use client';

import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../../lib/api';
import { lineOf } from './error-lines';

interface Problem {
  path: string;
  message: string;
  line: number | null;
  source: string | null;
}

/** Upload a YAML or JSON file: stored if valid; else every error beside its field, with its line. */
export function UploadForm({ onUploaded }: { onUploaded: (ref: string) => void }) {
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) return setError('Choose a .yaml, .yml or .json file first.');
    setBusy(true);
    setError(null);
    setDone(null);
    setProblems(null);
    try {
      const text = await file.text();
      const format = /\.json$/i.test(file.name) ? 'json' : 'yaml';
      const result = await api.scenario.upload.mutate({ text, format, shared: form.get('shared') === 'on' });
      if (result.ok) {
        setDone(`Uploaded: ${result.summary[0] ?? result.ref}.`);
        onUploaded(result.ref);
      } else {
        const lines = text.split('\n');
        setProblems(
          result.errors.map((e) => {
            const fromMessage = /line (\d+)/.exec(e.message);
            const line = fromMessage ? Number(fromMessage[1]) : e.path ? lineOf(text, e.path) : null;
            return { ...e, line, source: line ? (lines[line - 1] ?? null) : null };
          }),
        );
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="upload-title" className="card">
      <h2 id="upload-title">Upload a scenario</h2>
      <form onSubmit={onSubmit} className="join-form">
        <div className="field">
          <label htmlFor="scenario-file">YAML or JSON file</label>
          <input id="scenario-file" name="file" type="file" accept=".yaml,.yml,.json,application/json,application/yaml" required aria-describedby="upload-hint" />
          <p id="upload-hint" className="hint">
            The format is in docs/scenarios.md; download a built-in as YAML to start from.
          </p>
        </div>
        <label className="check">
          <input type="checkbox" name="shared" /> Share with the other facilitators
        </label>
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Upload'}
        </button>
      </form>
      <div aria-live="polite">
        {error && <p role="alert" className="error">{error}</p>}
        {done && <p>{done}</p>}
        {problems && (
          <>
            <p role="alert" className="error">
              The file was not stored: {problems.length} problem{problems.length === 1 ? '' : 's'} to fix.
            </p>
            <ol className="error-list" aria-label="Problems in the file">
              {problems.map((p, i) => (
                <li key={i}>
                  <code>{p.path || '(the whole file)'}</code>
                  {p.line !== null && <> — line {p.line}</>}: {p.message}
                  {p.source !== null && (
                    <pre className="source-line">
                      {p.line}: {p.source}
                    </pre>
                  )}
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </section>
  );
}
