'use client';

import Link from 'next/link';
import { useEffect, useState, type FormEvent } from 'react';
import { formatWait } from './retry-after';

/** Screens before there is a game to show: the name form and the refusals. */

export function NameForm({ code, initialName, message, onJoin, nameLength }: { code: string; initialName: string; message?: string | undefined; onJoin: (name: string) => void; nameLength: number }) {
  const [name, setName] = useState(initialName);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed) onJoin(trimmed);
  }
  return (
    <section className="card" aria-labelledby="join-title">
      <h1 id="join-title">Join room {code}</h1>
      {message ? (
        <p className="notice notice-warn" role="alert" id="join-error">
          {message}
        </p>
      ) : null}
      <form className="join-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="join-name">Display name</label>
          <input
            id="join-name"
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={nameLength}
            autoComplete="nickname"
            aria-describedby={message ? 'join-error join-name-hint' : 'join-name-hint'}
            aria-invalid={message ? true : undefined}
            // The form is the only thing on screen: typing straight away is what everyone does next.
            autoFocus
          />
          <p id="join-name-hint" className="hint">
            1 to {nameLength} characters, different from everyone else in the room.
          </p>
        </div>
        <button type="submit">Join</button>
      </form>
    </section>
  );
}

/** Ticks once a second until `until`, then stops: the wait before another try. */
function useRemaining(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    setNow(Date.now());
    const timer = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= until) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, until - now);
}

export function Refused({ code, reason, message, retryAt, onRetry }: { code: string; reason: string; message: string; retryAt: number | null; onRetry: () => void }) {
  const remaining = useRemaining(retryAt);
  const waiting = remaining > 0;
  return (
    <section className="card" aria-labelledby="refused-title">
      <h1 id="refused-title">Could not join room {code}</h1>
      <p className="notice notice-warn" role="alert">
        {message}
      </p>
      {reason === 'RATE_LIMITED' ? (
        retryAt === null ? (
          <p>Wait a minute, then try again.</p>
        ) : waiting ? (
          // Not live: a screen reader would hear every second. The end of the wait is.
          <p>You can try again in {formatWait(remaining)}.</p>
        ) : null
      ) : null}
      <p role="status">{reason === 'RATE_LIMITED' && retryAt !== null && !waiting ? 'You can try again now.' : ''}</p>
      <div className="actions">
        <button type="button" onClick={onRetry} disabled={waiting}>
          Try again
        </button>
        <Link href="/">Enter another code</Link>
      </div>
    </section>
  );
}

export function Removed({ message }: { message: string }) {
  return (
    <section className="card" aria-labelledby="removed-title">
      <h1 id="removed-title">You have been removed</h1>
      <p role="alert">{message} If you think this is a mistake, ask your facilitator.</p>
      <p>
        <Link href="/">Back to the home page</Link>
      </p>
    </section>
  );
}

export function Connecting({ code, retrying }: { code: string; retrying: boolean }) {
  return (
    <section className="card" aria-labelledby="connecting-title" aria-busy="true">
      <h1 id="connecting-title">Room {code}</h1>
      <p role="status">{retrying ? 'Cannot reach the server yet. Still trying…' : 'Connecting…'}</p>
    </section>
  );
}
