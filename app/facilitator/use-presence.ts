'use client';

import { useMemo } from 'react';
import type { Presence as WirePresence } from '../../server/realtime/protocol';

export interface Presence {
  connected: Set<string>;
  bots: Set<string>;
}

/**
 * Which seats have a socket open now and which are bots: pushed on the facilitator's socket when
 * it connects and whenever a seat's socket opens or closes (the god view itself does not carry it).
 */
export function usePresence(pushed: WirePresence | null): Presence | null {
  return useMemo(() => (pushed ? { connected: new Set(pushed.connected), bots: new Set(pushed.bots) } : null), [pushed]);
}
