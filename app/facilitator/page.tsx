import type { Metadata } from 'next';
import { networkInterfaces } from 'node:os';
import { FacilitatorHome } from './facilitator-home';

export const metadata: Metadata = { title: 'Facilitator' };

/** This machine's first private IPv4 address, to suggest when the dashboard runs on loopback. */
function lanAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return null;
}

export default function FacilitatorPage() {
  return <FacilitatorHome hint={{ publicOrigin: process.env.PUBLIC_ORIGIN ?? null, lanAddress: lanAddress() }} />;
}
