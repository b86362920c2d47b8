'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../lib/api';
import { SetupForm } from './setup-form';

type Status = Awaited<ReturnType<typeof api.auth.setupStatus.query>>['status'];

/**
 * Asks the server whether this setup link can still be used before showing the form, so a used
 * link or a finished setup is said at once instead of after the form is filled in.
 */
export function SetupGate({ token }: { token: string | null }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.auth.setupStatus.query(token ? { token } : {}).then(
      (answer) => setStatus(answer.status),
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [token]);

  if (error) {
    return (
      <section aria-labelledby="title" className="card">
        <h1 id="title">First account</h1>
        <p role="alert" className="error">
          {error}
        </p>
      </section>
    );
  }
  if (status === null) {
    return (
      <section aria-labelledby="title" className="card" aria-busy="true">
        <h1 id="title">First account</h1>
        <p role="status">Checking the setup link…</p>
      </section>
    );
  }
  if (status === 'not-needed') {
    return (
      <section aria-labelledby="title" className="card">
        <h1 id="title">Setup is done</h1>
        <p role="status">A facilitator account already exists, so this page is no longer needed{token ? ' and its link no longer works' : ''}.</p>
        <p>
          <Link href="/facilitator">Facilitator sign-in</Link> — an administrator can add more facilitators.
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="title" className="card">
      <h1 id="title">Create the first facilitator account</h1>
      <p>This account will be the administrator: it can add other facilitators.</p>
      {status === 'valid' && token ? (
        <SetupForm token={token} />
      ) : status === 'invalid' ? (
        <p role="alert" className="error">
          This setup link is not valid: it has been used already, or it was not copied whole. Copy the whole link from the server log, or restart the server to
          print a new one.
        </p>
      ) : (
        <p role="alert" className="error">
          This page needs the one-time link printed in the server log when Backchannel first started.
        </p>
      )}
    </section>
  );
}
