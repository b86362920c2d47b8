'use client';

import { useEffect, useState, type FormEvent } from 'react';
import type { Scenario } from '../../server/engine/scenario';
import { CHANNEL_KINDS } from '../../shared/channel-kinds';
import { api, errorMessage } from '../lib/api';
import { ScenarioPreview } from './scenario-preview';

type Listing = Awaited<ReturnType<typeof api.scenario.list.query>>[number];

/** A new session: pick a scenario with its preview, set the options, create. */
export function NewSessionForm({ onCreated, onCancel }: { onCreated: (sessionId: string, code: string) => void; onCancel: () => void }) {
  const [listings, setListings] = useState<Listing[]>([]);
  const [ref, setRef] = useState<string>('');
  const [scenario, setScenario] = useState<Scenario | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.scenario.list.query().then((l) => {
      setListings(l);
      setRef((r) => r || (l[0]?.ref ?? ''));
    }, (e: unknown) => setError(errorMessage(e)));
  }, []);

  useEffect(() => {
    if (!ref) return;
    let current = true;
    api.scenario.get.query({ ref }).then((s) => current && setScenario(s), (e: unknown) => current && setError(errorMessage(e)));
    return () => {
      current = false;
    };
  }, [ref]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const tables = String(form.get('tables') ?? '');
    const phaseDurations: Record<string, number> = {};
    const openChannels: Record<string, (typeof CHANNEL_KINDS)[number][]> = {};
    for (const p of scenario?.phases ?? []) {
      const minutes = Number(form.get(`len-${p.id}`));
      if (minutes > 0 && Math.round(minutes * 60) !== p.durationSec) phaseDurations[p.id] = Math.round(minutes * 60);
      const open = CHANNEL_KINDS.filter((k) => form.get(`open-${p.id}-${k}`) === 'on');
      if (open.join() !== p.openChannels.join()) openChannels[p.id] = open;
    }
    setError(null);
    try {
      const created = await api.session.create.mutate({
        scenarioId: ref,
        options: { tableCount: tables ? Number(tables) : null, leakSensitivity: Number(form.get('leak')), phaseDurations, openChannels },
      });
      onCreated(created.sessionId, created.code);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section aria-labelledby="new-title" className="card" id="new-session">
      <h2 id="new-title">New session</h2>
      <form onSubmit={onSubmit} className="join-form">
        <div className="field">
          <label htmlFor="scenario">Scenario</label>
          <select id="scenario" name="scenario" required value={ref} onChange={(e) => setRef(e.target.value)}>
            {listings.map((s) => (
              <option key={s.ref} value={s.ref}>
                {s.title} ({s.period}){s.source === 'built-in' ? '' : ` — ${s.source}`}
              </option>
            ))}
          </select>
        </div>
        {scenario && <ScenarioPreview scenario={scenario} />}
        <div className="preview-grid">
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
        </div>
        {scenario && (
          <details>
            <summary>Phase lengths and open channels</summary>
            <div className="preview-grid">
              {scenario.phases.map((p) => (
                <fieldset key={`${scenario.id}-${p.id}`}>
                  <legend>{p.title}</legend>
                  <div className="field">
                    <label htmlFor={`len-${p.id}`}>Minutes</label>
                    <input id={`len-${p.id}`} name={`len-${p.id}`} type="number" min={0.5} max={120} step={0.5} defaultValue={p.durationSec / 60} />
                  </div>
                  {CHANNEL_KINDS.map((k) => (
                    <label key={k} className="check">
                      <input type="checkbox" name={`open-${p.id}-${k}`} defaultChecked={p.openChannels.includes(k)} /> {k} channel open
                    </label>
                  ))}
                </fieldset>
              ))}
            </div>
          </details>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="button-row">
          <button type="submit">Create session</button>
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
