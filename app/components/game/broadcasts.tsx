'use client';

import { useGameContext } from './context';
import { timeOf } from './labels';
import { useNewItems } from './unread';

const KIND = { control: 'Control', news: 'News', intelligence: 'Intelligence', escalation: 'Escalation' } as const;

/** Control, news flashes, intelligence and escalation notices, newest first. */
export function Broadcasts() {
  const { view } = useGameContext();
  const fresh = useNewItems(view.broadcasts);
  const list = [...view.broadcasts].reverse();
  return (
    <>
      <h3>
        News and Control {fresh.count > 0 ? <span className="badge badge-new">{fresh.count} new</span> : null}
      </h3>
      {fresh.count > 0 ? (
        <button type="button" className="button-small button-secondary" onClick={fresh.markRead}>
          Mark news as read
        </button>
      ) : null}
      {list.length === 0 ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        <ul className="broadcasts">
          {list.map((b) => (
            <li key={b.id} className={`broadcast broadcast-${b.kind}`}>
              <p>
                <span className="badge">{KIND[b.kind]}</span> {fresh.isNew(b.id) ? <span className="badge badge-new">New</span> : null}{' '}
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
