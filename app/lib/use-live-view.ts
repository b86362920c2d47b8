'use client';

import { useEffect, useState } from 'react';
import { io } from 'socket.io-client';
import type { AnyView, Presence, Result } from '../../server/realtime/protocol';
import type { ProjectorDebrief } from '../../server/api/projector-debrief';
import { ViewTracker } from '../../shared/view-tracker';
import { PROTOCOL_VERSION } from '../../shared/version';

type WatchAuth = { kind: 'facilitator'; sessionId: string } | { kind: 'projector'; room: string };

/** A room moving to another node (several nodes, docs/deploy.md) is only a moment: try again. */
const RETRY_BUSY_MS = 300;

/**
 * A read-only live view (the facilitator's god view or the projector's public one): connects,
 * keeps the view from snapshots and patches, resyncs when a patch does not follow, and reports
 * the connection in words. The student screen has its own hook, which also sends commands.
 */
export function useLiveView<V extends AnyView>(auth: WatchAuth, room: string | null = auth.kind === 'projector' ? auth.room : null): { view: V | null; skewMs: number; status: string; connected: boolean; presence: Presence | null; debrief: ProjectorDebrief | null } {
  const [view, setView] = useState<V | null>(null);
  // Only a facilitator's socket is sent who is connected.
  const [presence, setPresence] = useState<Presence | null>(null);
  // Only a projector's socket is sent the debrief the facilitator put on the room screen.
  const [debrief, setDebrief] = useState<ProjectorDebrief | null>(null);
  const [skewMs, setSkew] = useState(0);
  const [status, setStatus] = useState('Connecting…');
  const [connected, setConnected] = useState(false);
  const key = JSON.stringify(auth);

  useEffect(() => {
    const tracker = new ViewTracker<V>();
    // ?room= lets the proxy send every socket of a room to the same node.
    const socket = io({ auth: { v: PROTOCOL_VERSION, ...(JSON.parse(key) as WatchAuth) }, transports: ['websocket', 'polling'], ...(room ? { query: { room } } : {}) });
    const show = () => {
      setView(tracker.view);
      setSkew(tracker.skewMs);
    };
    socket.on('connect', () => {
      setConnected(true);
      setStatus('Live');
    });
    let ended = false;
    socket.on('disconnect', () => {
      setConnected(false);
      if (!ended) setStatus('Reconnecting…');
    });
    // The server ends a facilitator's view when the sign-in ends: say so instead of "Reconnecting…".
    socket.on('removed', (notice) => {
      ended = true;
      setStatus(notice.message);
    });
    socket.on('connect_error', (e) => {
      const data = (e as Error & { data?: { code: string; message: string } }).data;
      setStatus(data?.message ?? 'Cannot reach the server; retrying…');
      if (data?.code === 'BUSY') setTimeout(() => socket.connect(), RETRY_BUSY_MS);
    });
    socket.on('snapshot', (s) => {
      tracker.snapshot(s);
      show();
    });
    socket.on('presence', setPresence);
    socket.on('debrief', (d) => setDebrief(d.debrief));
    socket.on('patch', (p) => {
      if (tracker.patch(p)) show();
      else resync();
    });
    socket.on('stream', (f) => {
      if (tracker.stream(f)) show();
      else resync();
    });
    let resyncTimer: ReturnType<typeof setTimeout> | undefined;
    const resync = () =>
      socket.emit('resync', (r: Result<{ seq: number }>) => {
        // Refused for asking too often: ask again once allowed, or the view would stay behind.
        if (!r.ok && r.retryAfterMs !== undefined) resyncTimer = setTimeout(resync, r.retryAfterMs);
      });
    return () => {
      clearTimeout(resyncTimer);
      socket.close();
    };
  }, [key, room]);

  return { view, skewMs, status, connected, presence, debrief };
}
