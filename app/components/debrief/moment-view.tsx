'use client';

import { memo } from 'react';
import { clockOf, percentOf } from './format';
import type { Screen } from './screen';

/** Texts shown per channel: the newest, so a long session's channel stays quick to draw while scrubbing. */
const SHOWN = 60;

/**
 * The state at the replay's moment, as the chosen perspective held it: each table's support and
 * escalation, the channels (pick one to read it), its proposals, tips and stories.
 */
export const MomentView = memo(function MomentView({ screen, title, startedAt, stale, picked, setPicked }: { screen: Screen; title: string; startedAt: number; stale: boolean; picked: string | null; setPicked: (id: string) => void }) {
  const channel = screen.channels.find((c) => c.id === picked) ?? screen.channels.find((c) => c.texts.length > 0) ?? screen.channels[0] ?? null;
  const texts = channel ? channel.texts.slice(-SHOWN) : [];
  const proposals = channel ? screen.proposals.filter((p) => p.channelId === channel.id) : [];
  return (
    <section className="moment" aria-labelledby="moment-title" aria-busy={stale}>
      <h3 id="moment-title">{title}</h3>
      {screen.seatLine ? <p className="meta">{screen.seatLine}</p> : null}
      {screen.empty ? <p className="notice">{screen.empty}</p> : null}
      <div className="moment-tables">
        {screen.tables.map((t) => (
          <div key={t.id} className="moment-table">
            <h4>{t.name}</h4>
            <ul className="plain support-inline">
              {t.support.map((s) => (
                <li key={s.side}>
                  {s.name}: <strong>{s.value}%</strong>
                </li>
              ))}
              <li>Escalation: {t.escalation}</li>
            </ul>
            {t.agreement ? <p className="meta">{t.agreement}</p> : null}
          </div>
        ))}
      </div>
      {screen.channels.length > 0 ? (
        <div className="moment-channels">
          <ul className="plain channel-picker" aria-label="Channels at this moment">
            {screen.channels.map((c) => (
              <li key={c.id}>
                <button type="button" className="channel-pick" aria-pressed={channel?.id === c.id} onClick={() => setPicked(c.id)}>
                  <span>{c.label}</span>
                  <span className="hint">
                    {c.texts.length} {c.texts.length === 1 ? 'text' : 'texts'}
                    {c.risk ? ` · ${c.risk}` : ''}
                    {c.exposed ? ' · exposed' : ''}
                    {c.left ? ' · left' : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {channel ? (
            <div className="moment-log">
              <h4>{channel.label}</h4>
              {channel.members.length > 0 && channel.kind === 'back' ? <p className="meta">Members: {channel.members.join(', ')}</p> : null}
              {channel.texts.length > SHOWN ? <p className="meta">The last {SHOWN} of {channel.texts.length} texts.</p> : null}
              {texts.length === 0 ? (
                <p className="hint">Nothing said here yet.</p>
              ) : (
                <ol className="messages replay-messages">
                  {texts.map((m) => (
                    <li key={m.id} className={m.control ? 'message message-control' : 'message'}>
                      <p className="meta">
                        <strong>{m.from}</strong> · {clockOf(m.at - startedAt)}
                        {m.leakRisk !== null ? ` · leak risk ${percentOf(m.leakRisk)}` : ''}
                      </p>
                      <p className="message-text">{m.text}</p>
                    </li>
                  ))}
                </ol>
              )}
              {proposals.length > 0 ? (
                <>
                  <h5>Proposals here</h5>
                  <ul className="plain">
                    {proposals.map((p) => (
                      <li key={p.id} className="proposal">
                        <p className="meta">
                          {p.from} · {clockOf(p.at - startedAt)} · {p.mode} · {p.status}
                        </p>
                        <ul className="terms">
                          {p.terms.map((t) => (
                            <li key={t}>{t}</li>
                          ))}
                        </ul>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}
      {screen.tips.length > 0 || screen.stories.length > 0 ? (
        <div className="moment-press">
          {screen.tips.length > 0 ? (
            <div>
              <h4>Tips</h4>
              <ul className="plain">
                {screen.tips.map((t) => (
                  <li key={t.id} className="tip">
                    <p className="meta">
                      {clockOf(t.at - startedAt)} · {t.note}
                    </p>
                    <p className="tip-text">{t.text}</p>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {screen.stories.length > 0 ? (
            <div>
              <h4>Stories</h4>
              <ul className="plain">
                {screen.stories.map((s) => (
                  <li key={s.id} className="story">
                    <p className="story-headline">{s.headline}</p>
                    <p className="meta">{clockOf(s.at - startedAt)}</p>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
});
