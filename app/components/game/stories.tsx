'use client';

import { useGameContext } from './context';
import { seatName, timeOf } from './labels';

/** Published stories, newest first. */
export function Stories() {
  const { view } = useGameContext();
  const stories = [...(view.table?.stories ?? [])].reverse();
  if (stories.length === 0) return <p className="muted">No story has been published yet.</p>;
  return (
    <ul className="stories">
      {stories.map((s) => (
        <li key={s.id} className="story">
          <p className="story-headline">{s.headline}</p>
          <p className="meta">
            {seatName(view, s.journalistId)} · {timeOf(s.at)}
            {s.accurate !== null ? <span className={s.accurate ? 'badge badge-ok' : 'badge badge-warn'}>{s.accurate ? 'Accurate' : 'Inaccurate'}</span> : null}
          </p>
          <p className="story-body">{s.body}</p>
          {s.exposed ? (
            <p className="exposed">
              <span className="badge badge-warn">Exposed</span> {s.exposed}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
