'use client';

import { useEffect, useState } from 'react';
import { api } from '../lib/api';

type JoinAddress = Awaited<ReturnType<typeof api.session.joinAddress.query>>;

/**
 * The address to give students, from the server (PUBLIC_ORIGIN, else the address it listens on),
 * with whether phones can reach it and what to do when they cannot. Until it answers, the address
 * this dashboard was opened at.
 */
export function useJoinAddress(): JoinAddress | null {
  const [address, setAddress] = useState<JoinAddress | null>(null);
  useEffect(() => {
    let current = true;
    api.session.joinAddress.query().then(
      (a) => current && setAddress(a),
      () => current && setAddress({ origin: window.location.origin, loopback: false, lanOrigins: [], advice: null }),
    );
    return () => {
      current = false;
    };
  }, []);
  return address;
}
