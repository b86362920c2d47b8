'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';

/** Screens before there is a game to show: the name form and the refusals. */

export function NameForm({ code, initialName, message, onJoin }: { code: string; initialName: string; message?: string | undefined; onJoin: (name: string) => void }) {
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
            maxLength={40}
            autoComplete="nickname"
            aria-describedby={message ? 'join-error join-name-hint' : 'join-name-hint'}
            aria-invalid={message ? true : undefined}
            // The form is the only thing on screen: typing straight away is what everyone does next.
            autoFocus
          />
          <p id="join-name-hint" className="hint">
            1 to 40 characters, different from everyone else in the room.
          </p>
        </div>
        <button type="submit">Join</button>
      </form>
    </section>
  );
}

export function Refused({ code, message, onRetry }: { code: string; message: string; onRetry: () => void }) {
  return (
    <section className="card" aria-labelledby="refused-title">
      <h1 id="refused-title">Could not join room {code}</h1>
      <p className="notice notice-warn" role="alert">
        {message}
      </p>
      <div className="actions">
        <button type="button" onClick={onRetry}>
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
