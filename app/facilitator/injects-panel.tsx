'use client';

import type { FormEvent } from 'react';
import { api } from '../lib/api';
import { labels } from './labels';
import type { SessionTools } from './tools';

/** The scenario's injects, fired or not, to fire for one table or all; and a new one, written on the spot. */
export function InjectsPanel({ sessionId, view, act, tableId }: SessionTools & { tableId: string | null }) {
  const { tableName, sideName } = labels(view);
  const tables = Object.keys(view.tables);
  const firedAt = (title: string) => {
    const hits = view.broadcasts.filter((b) => b.title === title && (b.kind === 'news' || b.kind === 'intelligence'));
    if (hits.some((b) => b.tableId === null)) return 'fired for all tables';
    const where = [...new Set(hits.map((b) => b.tableId).filter((t): t is string => t !== null))];
    return where.length === 0 ? 'not fired' : `fired for ${where.map(tableName).join(', ')}`;
  };
  async function write(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const d = new FormData(form);
    const scope = String(d.get('scope'));
    const ok = await act(
      () => api.session.writeInject.mutate({ sessionId, title: String(d.get('title')), body: String(d.get('body')), audience: String(d.get('audience')), ...(scope !== 'all' ? { tableId: scope } : {}) }),
      'Inject sent.',
    );
    if (ok) form.reset();
  }
  return (
    <section aria-labelledby="injects-title" className="card">
      <h3 id="injects-title">Injects</h3>
      <ul className="inject-list">
        {view.scenario.injects.map((inj) => (
          <li key={inj.id}>
            <span>
              <strong>{inj.title}</strong> <span className="hint">({inj.kind}, to {inj.audience === 'all' ? 'everyone' : sideName(inj.audience)}{inj.atPhase ? `, automatic at ${view.scenario.phases.find((p) => p.id === inj.atPhase)?.title ?? inj.atPhase}` : ''}) — {firedAt(inj.title)}</span>
            </span>
            <span className="seat-actions">
              {tableId && (
                <button type="button" className="small-button" onClick={() => void act(() => api.session.fireInject.mutate({ sessionId, injectId: inj.id, tableId }), `“${inj.title}” fired for ${tableName(tableId)}.`)}>
                  Fire for {tableName(tableId)}
                </button>
              )}
              <button type="button" className="small-button secondary" onClick={() => void act(() => api.session.fireInject.mutate({ sessionId, injectId: inj.id }), `“${inj.title}” fired for all tables.`)}>
                Fire for all tables
              </button>
            </span>
          </li>
        ))}
      </ul>
      <details>
        <summary>Write an inject</summary>
        <form onSubmit={write} className="join-form">
          <div className="field">
            <label htmlFor="inject-title">Headline</label>
            <input id="inject-title" name="title" required maxLength={view.limits.injectTitleLength} />
          </div>
          <div className="field">
            <label htmlFor="inject-body">Text</label>
            <textarea id="inject-body" name="body" required maxLength={view.limits.messageLength} rows={3} />
          </div>
          <div className="field">
            <label htmlFor="inject-audience">Who hears it</label>
            <select id="inject-audience" name="audience" defaultValue="all">
              <option value="all">Everyone</option>
              {view.scenario.sides.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} only
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="inject-scope">Where</label>
            <select id="inject-scope" name="scope" defaultValue={tableId ?? 'all'}>
              <option value="all">Every table</option>
              {tables.map((t) => (
                <option key={t} value={t}>
                  {tableName(t)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">Send inject</button>
        </form>
      </details>
    </section>
  );
}
