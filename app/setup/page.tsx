import type { Metadata } from 'next';
import { SetupForm } from './setup-form';

export const metadata: Metadata = { title: 'First account' };

/** Reached through the one-time link printed in the server log at first start. */
export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <section aria-labelledby="title" className="card">
      <h1 id="title">Create the first facilitator account</h1>
      <p>This account will be the administrator: it can add other facilitators.</p>
      {token ? <SetupForm token={token} /> : <p role="alert">This page needs the one-time link printed in the server log when Backchannel first started.</p>}
    </section>
  );
}
