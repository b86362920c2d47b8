'use client';

import { useEffect, useState } from 'react';
import { api } from '../lib/api';

export interface Presence {
  connected: Set<string>;
  bots: Set<string>;
}

/** Which seats have a socket open now and which are bots, asked every few seconds (the god view does not carry it). */
export function usePresence(sessionId: string, live: boolean): Presence | null {
  const [presence, setPresence] = useState<Presence | null>(null);
  useEffect(() => {
    if (!live) return;
    let stopped = false;
    const load = () =>
      api.session.presence.query({ sessionId }).then(
        (p) => !stopped && setPresence({ connected: new Set(p.connected), bots: new Set(p.bots) }),
        () => undefined,
      );
    void load();
    const timer = setInterval(load, 3000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [sessionId, live]);
  return presence;
}
