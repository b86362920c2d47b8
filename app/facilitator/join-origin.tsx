'use client';

import { createContext, useContext, useEffect, useState } from 'react';

/** What the server knows about the address students should use (PUBLIC_ORIGIN, this machine's LAN address). */
export interface JoinHint {
  publicOrigin: string | null;
  lanAddress: string | null;
}

export const JoinHintContext = createContext<JoinHint>({ publicOrigin: null, lanAddress: null });

/** The origin to give students: PUBLIC_ORIGIN when set, else the address this dashboard was opened at. */
export function useJoinOrigin(): { origin: string; lanAddress: string | null } {
  const hint = useContext(JoinHintContext);
  const [here, setHere] = useState('');
  useEffect(() => setHere(window.location.origin), []);
  return { origin: hint.publicOrigin ?? here, lanAddress: hint.lanAddress };
}
