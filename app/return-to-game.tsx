'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { forgetRoom, storedSeats } from './lib/seat-store';

type Stored = ReturnType<typeof storedSeats>;

/**
 * The games this device still holds a seat in (a closed browser keeps localStorage): one link
 * back to each, and a way to forget it on a shared computer. Read after the first render, so the
 * server's HTML and the browser's agree.
 */
export function ReturnToGame() {
  const [seats, setSeats] = useState<Stored>([]);
  useEffect(() => setSeats(storedSeats()), []);
  if (seats.length === 0) return null;
  return (
    <section aria-labelledby="return-title" className="card card-attention">
      <h2 id="return-title">{seats.length === 1 ? 'Your game' : 'Your games'}</h2>
      <ul className="plain return-list">
        {seats.map((s) => (
          <li key={s.room}>
            <Link href={`/play/${s.room}`} className="return-link">
              Return to your game in room <span className="code">{s.room}</span>
            </Link>
            {s.name || s.title ? (
              <p className="hint">
                {s.title ?? ''}
                {s.name ? `${s.title ? ', ' : ''}as ${s.name}` : ''}
              </p>
            ) : null}
            <button
              type="button"
              className="button-small button-secondary"
              aria-label={`Forget this game (room ${s.room})`}
              onClick={() => {
                forgetRoom(s.room);
                setSeats(storedSeats());
              }}
            >
              Forget this game
            </button>
          </li>
        ))}
      </ul>
      <p className="hint">On a shared computer, forget the game when you are done: this browser can rejoin it as you.</p>
    </section>
  );
}
