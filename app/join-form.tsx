'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { stashJoinName } from './lib/join-name';

/** Room codes are 6 letters or digits; students may type them in lower case. */
const CODE_LENGTH = 6;

/** `nameLength`: the engine's limit on display names, passed by the (server) home page. */
export function JoinForm({ nameLength }: { nameLength: number }) {
  const router = useRouter();
  const [code, setCode] = useState('');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    // The name goes to the room's page through storage, never through the address.
    stashJoinName(code, name);
    router.push(`/play/${encodeURIComponent(code)}`);
  }

  // Before the page is interactive the browser submits to /play?code=…&name=…, which redirects;
  // the room's page then takes the name out of the address.
  return (
    <form action="/play" method="get" onSubmit={onSubmit} className="join-form">
      <div className="field">
        <label htmlFor="code">Room code</label>
        <input
          id="code"
          name="code"
          value={code}
          onChange={(event) => setCode(event.target.value.toUpperCase().replace(/[^A-Z0-9]/g, ''))}
          required
          minLength={CODE_LENGTH}
          maxLength={CODE_LENGTH}
          pattern={`[A-Za-z0-9]{${CODE_LENGTH}}`}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-describedby="code-hint"
          className="code-input"
        />
        <p id="code-hint" className="hint">
          6 letters or digits, shown on the board.
        </p>
      </div>
      <div className="field">
        <label htmlFor="name">Display name</label>
        <input id="name" name="name" required maxLength={nameLength} autoComplete="nickname" />
      </div>
      <button type="submit">Join</button>
    </form>
  );
}
