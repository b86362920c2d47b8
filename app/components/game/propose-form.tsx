'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ChannelView, ProposalView } from '../../../server/engine/view';
import { useGameContext, useCommand } from './context';
import { ErrorText } from './error-text';
import { canNegotiate, isNegotiating, seatName } from './labels';

type Draft = Record<string, { optionId: string; secret: boolean }>;

function draftFrom(proposal: ProposalView | null): Draft {
  const out: Draft = {};
  for (const t of proposal?.terms ?? []) out[t.issueId] = { optionId: t.optionId, secret: t.secret };
  return out;
}

/**
 * Drafting a proposal: one select per issue (or leave it out), a secret box per term (never on
 * the front channel), exploratory or official. `counter` prefills it from a proposal to answer.
 */
export function ProposeForm({ channel, counter, onDone }: { channel: ChannelView; counter: ProposalView | null; onDone: () => void }) {
  const { view } = useGameContext();
  const propose = useCommand();
  const [draft, setDraft] = useState<Draft>(() => draftFrom(counter));
  const [mode, setMode] = useState<'exploratory' | 'official'>(counter?.mode ?? 'exploratory');
  const [problem, setProblem] = useState<string | null>(null);
  const ref = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    if (!counter || !ref.current) return;
    ref.current.open = true;
    ref.current.querySelector('select')?.focus();
  }, [counter]);

  const role = view.me.role;
  if (!role || !canNegotiate(view) || channel.kind === 'press' || channel.left) return null;
  const front = channel.kind === 'front';
  const issues = view.session.scenario.issues;
  const blocked =
    !isNegotiating(view) || !channel.open
      ? 'Proposals can be made only while this channel is open during a negotiation round.'
      : view.table?.agreement
        ? 'Your table has already concluded an agreement.'
        : front && view.session.scenario.precondition && !view.table?.preconditionMet && !view.table?.preconditionWaived
          ? `Official talks wait for the precondition: ${view.session.scenario.precondition.description}`
          : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const terms = issues.flatMap((i) => {
      const d = draft[i.id];
      return d?.optionId ? [{ issueId: i.id, optionId: d.optionId, secret: front ? false : d.secret }] : [];
    });
    if (terms.length === 0) return setProblem('Choose an option for at least one issue.');
    setProblem(null);
    const ok = await propose.run({ type: 'Propose', channelId: channel.id, terms, mode, ...(counter ? { counterTo: counter.id } : {}) });
    if (ok) {
      setDraft({});
      onDone();
      if (ref.current) ref.current.open = false;
    }
  }

  return (
    <details className="propose" ref={ref}>
      <summary>{counter ? `Counter ${seatName(view, counter.by)}’s proposal` : 'Draft a proposal'}</summary>
      {blocked ? (
        <p className="notice">{blocked}</p>
      ) : (
        <form onSubmit={submit} className="stack">
          {issues.map((issue) => {
            const d = draft[issue.id] ?? { optionId: '', secret: false };
            const set = (next: Partial<typeof d>) => setDraft((all) => ({ ...all, [issue.id]: { ...d, ...next } }));
            return (
              <fieldset key={issue.id} className="term-field">
                <legend>{issue.title}</legend>
                <label htmlFor={`term-${issue.id}`} className="visually-hidden">
                  Option for {issue.title}
                </label>
                <select id={`term-${issue.id}`} value={d.optionId} onChange={(e) => set({ optionId: e.target.value })}>
                  <option value="">— leave out —</option>
                  {issue.options.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.label}
                    </option>
                  ))}
                </select>
                <div className="check">
                  <input type="checkbox" id={`secret-${issue.id}`} checked={!front && d.secret} disabled={front || !d.optionId} onChange={(e) => set({ secret: e.target.checked })} />
                  <label htmlFor={`secret-${issue.id}`}>Secret term{front ? ' (not on the front channel)' : ''}</label>
                </div>
              </fieldset>
            );
          })}
          <fieldset>
            <legend>Mode</legend>
            <div className="check">
              <input type="radio" id="mode-exploratory" name="mode" checked={mode === 'exploratory'} onChange={() => setMode('exploratory')} />
              <label htmlFor="mode-exploratory">Testing the waters (exploratory: deniable, cannot be signed)</label>
            </div>
            <div className="check">
              <input type="radio" id="mode-official" name="mode" checked={mode === 'official'} onChange={() => setMode('official')} />
              <label htmlFor="mode-official">Official (leaders can sign it)</label>
            </div>
          </fieldset>
          <div className="actions">
            <button type="submit" disabled={propose.pending}>
              {counter ? 'Table the counter-proposal' : 'Table the proposal'}
            </button>
            {counter ? (
              <button type="button" className="button-secondary" onClick={onDone}>
                Cancel the counter
              </button>
            ) : null}
          </div>
          <ErrorText error={problem ?? propose.error} />
        </form>
      )}
    </details>
  );
}
