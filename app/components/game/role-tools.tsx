'use client';

import { useState, type FormEvent } from 'react';
import { useGameContext, useCommand } from './context';
import { ErrorText } from './error-text';
import { inMyRole, seatLabel, timeOf, verdict } from './labels';
import { useNewItems } from './unread';

/** Whom I am investigating or watching, and until when. */
function Watching() {
  const { view } = useGameContext();
  const index = view.session.phase?.index ?? 0;
  const active = view.me.watching.filter((w) => w.untilPhase >= index);
  if (active.length === 0) return <p className="muted">You are not watching anyone.</p>;
  const phases = view.session.scenario.phases;
  return (
    <ul>
      {active.map((w) => (
        <li key={`${w.kind}:${w.target}`}>
          {w.kind === 'investigation' ? 'Investigating' : 'Watching'} <strong>{seatLabel(view, w.target)}</strong>
          <span className="muted"> until the end of {phases[w.untilPhase]?.title ?? 'the game'}</span>
        </li>
      ))}
    </ul>
  );
}

/** Journalists investigate and spoilers surveil one person per round. */
function WatchForm({ kind }: { kind: 'Investigate' | 'Surveil' }) {
  const { view } = useGameContext();
  const watch = useCommand();
  const [target, setTarget] = useState('');
  // Whom I may watch, and whether now: the engine's answer (view.can).
  const ability = kind === 'Investigate' ? view.can?.investigate : view.can?.surveil;
  const people = (view.table?.seats ?? []).filter((s) => ability?.seats.includes(s.id));
  const status = verdict(ability);
  const id = `watch-${kind}`;
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (target && (await watch.run({ type: kind, seatId: target }))) setTarget('');
  }
  const disabledReason = status.ok ? null : status.reason;
  return (
    <form onSubmit={submit} className="inline-form">
      <label htmlFor={id}>{kind === 'Investigate' ? 'Investigate a person' : 'Put a person under surveillance'}</label>
      <select id={id} value={target} onChange={(e) => setTarget(e.target.value)} disabled={disabledReason !== null} aria-describedby={`${id}-hint`}>
        <option value="">— choose —</option>
        {people.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} — {s.roleTitle}
          </option>
        ))}
      </select>
      <button type="submit" disabled={!target || watch.pending || disabledReason !== null}>
        {kind === 'Investigate' ? 'Investigate' : 'Surveil'}
      </button>
      <p id={`${id}-hint`} className="hint">
        {disabledReason ?? (kind === 'Investigate' ? 'Their back channels leak more this round and the next; leaks come to you as tips.' : 'Their back channels leak more, and every leak reaches you.')}
      </p>
      <ErrorText error={watch.error} />
    </form>
  );
}

function Tips({ onUse }: { onUse: (tipId: string) => void }) {
  const { view } = useGameContext();
  const fresh = useNewItems(view.tips);
  const tips = [...view.tips].reverse();
  return (
    <>
      <h3>
        Tips {fresh.count > 0 ? <span className="badge badge-new">{fresh.count} new</span> : null}
      </h3>
      {fresh.count > 0 ? (
        <button type="button" className="button-small button-secondary" onClick={fresh.markRead}>
          Mark tips as read
        </button>
      ) : null}
      {tips.length === 0 ? (
        <p className="muted">No tip yet. Sources talk when back channels leak.</p>
      ) : (
        <ul className="plain">
          {tips.map((t) => (
            <li key={t.id} className="tip">
              <p>
                <span className="badge">{t.form === 'quote' ? 'Quote' : 'Paraphrase'}</span> {fresh.isNew(t.id) ? <span className="badge badge-new">New</span> : null}{' '}
                {t.published ? <span className="badge badge-ok">Published</span> : <span className="badge">Not published</span>} <span className="meta">{timeOf(t.at)}</span>
              </p>
              <p className="tip-text">{t.text}</p>
              {!t.published && inMyRole(view.can?.publishStory) ? (
                <button type="button" className="button-small button-secondary" onClick={() => onUse(t.id)}>
                  Write a story from this tip
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Characters of a tip shown in the list to pick from: presentation only, not a rule. */
const TIP_PREVIEW = 80;

function PublishStory({ tipId, setTipId }: { tipId: string; setTipId: (id: string) => void }) {
  const { view } = useGameContext();
  const publish = useCommand();
  const [headline, setHeadline] = useState('');
  const [body, setBody] = useState('');
  const status = verdict(view.can?.publishStory);
  const pressOpen = status.ok;
  const { headlineLength, storyLength } = view.limits;
  const unpublished = view.tips.filter((t) => !t.published);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await publish.run({ type: 'PublishStory', headline: headline.trim(), body: body.trim(), ...(tipId ? { tipId } : {}) })) {
      setHeadline('');
      setBody('');
      setTipId('');
    }
  }
  return (
    <form onSubmit={submit} className="stack" id="publish-form">
      <h3>Publish a story</h3>
      {!status.ok ? <p className="notice">{status.reason}</p> : null}
      <div className="field">
        <label htmlFor="story-headline">Headline</label>
        <input id="story-headline" value={headline} onChange={(e) => setHeadline(e.target.value)} maxLength={headlineLength} required disabled={!pressOpen} />
      </div>
      <div className="field">
        <label htmlFor="story-body">Story</label>
        <textarea id="story-body" value={body} onChange={(e) => setBody(e.target.value)} maxLength={storyLength} rows={4} required disabled={!pressOpen} aria-describedby="story-count" />
        <p id="story-count" className="hint counter">
          {body.length} / {storyLength}
        </p>
      </div>
      <div className="field">
        <label htmlFor="story-tip">Based on a tip (optional)</label>
        <select id="story-tip" value={tipId} onChange={(e) => setTipId(e.target.value)} disabled={!pressOpen} aria-describedby="story-tip-hint">
          <option value="">— no tip —</option>
          {unpublished.map((t) => (
            <option key={t.id} value={t.id}>
              {t.text.length > TIP_PREVIEW ? `${t.text.slice(0, TIP_PREVIEW)}…` : t.text}
            </option>
          ))}
        </select>
        <p id="story-tip-hint" className="hint">
          A story built on a true tip exposes what it says and moves public support. Only the engine knows whether a tip is true.
        </p>
      </div>
      <button type="submit" disabled={!pressOpen || publish.pending}>
        Publish story
      </button>
      <ErrorText error={publish.error} />
    </form>
  );
}

/** The journalist's desk and the spoiler's tools; nothing for leaders and envoys. */
export function RoleTools() {
  const { view } = useGameContext();
  const mobilise = useCommand();
  const [tipId, setTipId] = useState('');
  // The tools my role has, as the engine says (view.can): nothing for leaders and envoys.
  const can = view.can;
  const investigates = inMyRole(can?.investigate);
  const surveils = inMyRole(can?.surveil);
  const publishes = inMyRole(can?.publishStory);
  const mobilises = inMyRole(can?.mobilise);
  if (!investigates && !surveils && !publishes && !mobilises) return null;
  const mobiliseStatus = verdict(can?.mobilise);
  const pickTip = (id: string) => {
    setTipId(id);
    document.getElementById('story-headline')?.focus();
  };
  return (
    <section aria-labelledby="tools-title" className="card">
      <h2 id="tools-title">{publishes ? 'Your newsroom' : 'Your operations'}</h2>
      <h3>Watching</h3>
      <Watching />
      {investigates ? <WatchForm kind="Investigate" /> : null}
      {surveils ? <WatchForm kind="Surveil" /> : null}
      {publishes || view.tips.length > 0 ? <Tips onUse={pickTip} /> : null}
      {publishes ? <PublishStory tipId={tipId} setTipId={setTipId} /> : null}
      {mobilises ? (
        <>
          <h3>Mobilise</h3>
          <p className="hint" id="mobilise-hint">
            Rally the public against an announced deal or an exposed back channel. It costs your own leadership support; once a round.
            {!mobiliseStatus.ok ? ` ${mobiliseStatus.reason}` : ''}
          </p>
          <button type="button" onClick={() => void mobilise.run({ type: 'Mobilise' })} disabled={mobilise.pending || !mobiliseStatus.ok} aria-describedby="mobilise-hint">
            Mobilise
          </button>
          <ErrorText error={mobilise.error} />
        </>
      ) : null}
    </section>
  );
}
