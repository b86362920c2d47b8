'use client';

import { useEffect, useState, type FormEvent } from 'react';
import { api, errorMessage } from '../lib/api';

type Scenario = Awaited<ReturnType<typeof api.scenario.list.query>>[number];

export function NewSessionForm({ onCreated }: { onCreated: (sessionId: string) => void }) {
  const [scenarios, setScenarios] = useState<Scenario[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.scenario.list.query().then(setScenarios, (e: unknown) => setError(errorMessage(e)));
  }, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const tables = String(form.get('tables'));
    setError(null);
    try {
      const created = await api.session.create.mutate({
        scenarioId: String(form.get('scenario')),
        options: { tableCount: tables ? Number(tables) : null, leakSensitivity: Number(form.get('leak')), phaseDurations: {}, openChannels: {} },
      });
      onCreated(created.sessionId);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section aria-labelledby="new-title" className="card">
      <h2 id="new-title">New session</h2>
      <form onSubmit={onSubmit} className="join-form">
        <div className="field">
          <label htmlFor="scenario">Scenario</label>
          <select id="scenario" name="scenario" required>
            {scenarios.map((s) => (
              <option key={s.ref} value={s.ref}>
                {s.title} ({s.period}){s.source === 'built-in' ? '' : ` — ${s.source}`}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="tables">Number of tables</label>
          <input id="tables" name="tables" type="number" min={1} max={50} aria-describedby="tables-hint" />
          <p id="tables-hint" className="hint">Leave empty to deal tables of about six.</p>
        </div>
        <div className="field">
          <label htmlFor="leak">Leak sensitivity</label>
          <select id="leak" name="leak" defaultValue="1">
            <option value="0.5">Low (half the scenario&apos;s rates)</option>
            <option value="1">As the scenario sets it</option>
            <option value="1.5">High</option>
            <option value="2">Very high</option>
          </select>
        </div>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit">Create session</button>
      </form>
    </section>
  );
}
