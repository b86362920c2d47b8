'use client';

import { useEffect, useId, useState, type FormEvent } from 'react';
import { api, errorMessage } from '../../lib/api';

export const MAX_DAYS = 3650;

/** The days typed, or a sentence saying why they cannot be saved. */
export function parseDays(text: string): { ok: true; days: number } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { ok: false, message: 'Write the number of days as a whole number, from 1 to 3650.' };
  const days = Number(trimmed);
  if (days < 1 || days > MAX_DAYS) return { ok: false, message: `Keep finished sessions from 1 to ${MAX_DAYS} days (about ten years); ${days} is outside that.` };
  return { ok: true, days };
}

export function retentionSentence(days: number | null): string {
  return days === null
    ? 'Finished sessions are kept until someone deletes them.'
    : `Finished sessions are deleted ${days} ${days === 1 ? 'day' : 'days'} after their last event (an imported log: after its import), checked every hour.`;
}

/** An administrator's setting: how long finished sessions (and their debriefs) are kept. */
export function RetentionSetting() {
  const id = useId();
  const [days, setDays] = useState<number | null | undefined>(undefined);
  const [forever, setForever] = useState(true);
  const [text, setText] = useState('90');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.replay.retention.get.query().then(
      (r) => {
        setDays(r.days);
        setForever(r.days === null);
        if (r.days !== null) setText(String(r.days));
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved('');
    let next: number | null = null;
    if (!forever) {
      const parsed = parseDays(text);
      if (!parsed.ok) {
        setError(parsed.message);
        document.getElementById(`${id}-days`)?.focus();
        return;
      }
      next = parsed.days;
    }
    setError(null);
    setBusy(true);
    try {
      const r = await api.replay.retention.set.mutate({ days: next });
      setDays(r.days);
      setSaved(`Saved. ${retentionSentence(r.days)}`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>How long finished sessions are kept</h2>
      <p className="hint">For every facilitator of this installation (you are an administrator). {days !== undefined ? retentionSentence(days) : ''}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="retention-choice">
          <legend>Keep finished sessions</legend>
          <label>
            <input type="radio" name={`${id}-keep`} checked={forever} onChange={() => setForever(true)} /> until someone deletes them
          </label>
          <label>
            <input type="radio" name={`${id}-keep`} checked={!forever} onChange={() => setForever(false)} /> for a number of days
          </label>
        </fieldset>
        {!forever ? (
          <div className="field field-narrow">
            <label htmlFor={`${id}-days`}>Days after a session finishes</label>
            <input
              id={`${id}-days`}
              inputMode="numeric"
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
            />
          </div>
        ) : null}
        <div className="button-row">
          <button type="submit" disabled={busy || days === undefined}>
            Save
          </button>
        </div>
      </form>
      <div role="alert" id={`${id}-error`} className={error ? 'error' : undefined}>
        {error}
      </div>
      <p role="status">{saved}</p>
    </section>
  );
}
