'use client';

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ChannelView, ProposalView } from '../../../server/engine/view';
import { useGameContext, useCommand } from './context';
import { ErrorText } from './error-text';
import { seatName } from './labels';

type Draft = Record<string, { optionId: string; secret: boolean }>;

/** Refusals that mean the form has no business here, rather than “not now”. */
const HIDDEN: string[] = ['WRONG_ROLE', 'INVALID_INPUT', 'NOT_A_MEMBER'];

function draftFrom(proposal: ProposalView | null): Draft {
  const out: Draft = {};
  for (const t of proposal?.terms ?? []) out[t.issueId] = { optionId: t.optionId, secret: t.secret };
  return out;
}

/**
 * Drafting a proposal: one choice per issue (or leave it out), a secret box per term (never on
 * the front channel), exploratory or official. `counter` prefills it from a proposal to answer.
 */
export function ProposeForm({ channel, counter, onDone }: { channel: ChannelView; counter: ProposalView | null; onDone: () => void }) {
  const { view } = useGameContext();
  const propose = useCommand();
  const [draft, setDraft] = useState<Draft>(() => draftFrom(counter));
  const [mode, setMode] = useState<'exploratory' | 'official'>(counter?.mode ?? 'exploratory');
  const [problem, setProblem] = useState<string | null>(null);
  const ref = useRef<HTMLDetailsElement>(null);
  const uid = useId();

  useEffect(() => {
    if (!counter || !ref.current) return;
    ref.current.open = true;
    ref.current.querySelector('input')?.focus();
  }, [counter]);

  // The engine says whether I may propose here and why not (view.can); roles that never may, the
  // press and channels I have left show no form at all.
  const ability = view.can?.propose[channel.id];
  if (!ability || (!ability.ok && HIDDEN.includes(ability.code))) return null;
  const front = channel.kind === 'front';
  const issues = view.session.scenario.issues;
  const blocked = ability.ok ? null : ability.message;

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
            const group = `${uid}-${issue.id}`;
            // Radios, not a select: a select shows one line of the chosen option, and these are sentences.
            return (
              <fieldset key={issue.id} className="term-field">
                <legend>{issue.title}</legend>
                <div className="check">
                  <input type="radio" id={`${group}-none`} name={group} checked={!d.optionId} onChange={() => set({ optionId: '', secret: false })} />
                  <label htmlFor={`${group}-none`}>Leave out</label>
                </div>
                {issue.options.map((o) => (
                  <div key={o.id} className="check">
                    <input type="radio" id={`${group}-${o.id}`} name={group} checked={d.optionId === o.id} onChange={() => set({ optionId: o.id })} />
                    <label htmlFor={`${group}-${o.id}`}>{o.label}</label>
                  </div>
                ))}
                <div className="check term-secret">
                  <input type="checkbox" id={`${group}-secret`} checked={!front && d.secret} disabled={front || !d.optionId} onChange={(e) => set({ secret: e.target.checked })} />
                  <label htmlFor={`${group}-secret`}>Secret term{front ? ' (not on the front channel)' : ''}</label>
                </div>
              </fieldset>
            );
          })}
          <fieldset>
            <legend>Mode</legend>
            <div className="check">
              <input type="radio" id={`${uid}-mode-exploratory`} name={`${uid}-mode`} checked={mode === 'exploratory'} onChange={() => setMode('exploratory')} />
              <label htmlFor={`${uid}-mode-exploratory`}>Testing the waters (exploratory: deniable, cannot be signed)</label>
            </div>
            <div className="check">
              <input type="radio" id={`${uid}-mode-official`} name={`${uid}-mode`} checked={mode === 'official'} onChange={() => setMode('official')} />
              <label htmlFor={`${uid}-mode-official`}>Official (leaders can sign it)</label>
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
