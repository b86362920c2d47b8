'use client';

import { useGameContext } from './context';
import { timeOf } from './labels';

const KIND = { control: 'Control', news: 'News', intelligence: 'Intelligence', escalation: 'Escalation' } as const;

/**
 * Broadcasts not dismissed yet, at the top of the screen (kept in view while scrolling by the
 * sticky bar it sits in). They are read aloud as they arrive by the assertive live region; here
 * they wait until the student dismisses them.
 */
export function BroadcastBanner() {
  const { inbox } = useGameContext();
  if (inbox.unseen.length === 0) return null;
  const list = [...inbox.unseen].reverse();
  return (
    // Focusable because it scrolls when long: keyboard users must be able to read it all.
    <section aria-label="Messages from Control" className="banner" tabIndex={0}>
      {list.length > 1 ? (
        <div className="banner-head">
          <p>{list.length} new messages from Control</p>
          <button type="button" className="button-small button-secondary" onClick={inbox.dismissAll}>
            Dismiss all
          </button>
        </div>
      ) : null}
      <ul className="plain">
        {list.map((b) => (
          <li key={b.id} className={`banner-item broadcast-${b.kind}`}>
            <div className="banner-text">
              <p>
                <span className="badge">{KIND[b.kind]}</span> {b.title !== KIND[b.kind] ? <strong>{b.title}</strong> : null} <span className="meta">{timeOf(b.at)}</span>
              </p>
              {/* A long news flash is cut to a few lines here; the whole text is in News and Control. */}
              <p className={b.kind === 'control' ? 'banner-body banner-control' : 'banner-body'}>{b.body}</p>
            </div>
            <button type="button" className="button-small button-secondary" aria-label={`Dismiss: ${b.title !== KIND[b.kind] ? b.title : b.body.slice(0, 60)}`} onClick={() => inbox.dismiss(b.id)}>
              Dismiss
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Control, news flashes, intelligence and escalation notices, newest first. */
export function Broadcasts() {
  const { view, inbox } = useGameContext();
  const list = [...view.broadcasts].reverse();
  return (
    <>
      <h3>News and Control</h3>
      {list.length === 0 ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        <ul className="broadcasts">
          {list.map((b) => (
            <li key={b.id} className={`broadcast broadcast-${b.kind}`}>
              <p>
                <span className="badge">{KIND[b.kind]}</span> {inbox.isUnseen(b.id) ? <span className="badge badge-new">New</span> : null}{' '}
                <strong>{b.title}</strong> <span className="meta">{timeOf(b.at)}</span>
              </p>
              <p>{b.body}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
