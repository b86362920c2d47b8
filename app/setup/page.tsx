import type { Metadata } from 'next';
import { SetupGate } from './setup-gate';

export const metadata: Metadata = { title: 'First account' };

/** Reached through the one-time link printed in the server log at first start. */
export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const first = Array.isArray(token) ? token[0] : token;
  return <SetupGate token={first && first.length <= 200 ? first : null} />;
}
