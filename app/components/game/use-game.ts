'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { SeatView } from '../../../server/engine/view';
import type { ClientToServerEvents, PlayerCommand, Result, ServerToClientEvents } from '../../../server/realtime/protocol';
import { ViewTracker } from '../../../server/realtime/view-tracker';
import { PROTOCOL_VERSION as PROTOCOL } from '../../lib/protocol-version';
const COMMAND_TIMEOUT_MS = 10_000;

type GameSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Where the connection stands, as the screen needs to show it. */
export type Connection =
  /** No seat token and no name yet, or the name was refused: ask for one. */
  | { state: 'needs-name'; code?: string; message?: string }
  | { state: 'connecting'; retrying: boolean }
  | { state: 'connected' }
  /** Lost after being connected; socket.io retries by itself and the server resends a snapshot. */
  | { state: 'reconnecting' }
  /** The server refused the handshake (unknown room, locked room, rate limited…). */
  | { state: 'refused'; code: string; message: string }
  | { state: 'removed'; message: string };

export type SendResult = Result<{ seq: number }>;
export type Send = (command: PlayerCommand) => Promise<SendResult>;

export interface Game {
  connection: Connection;
  view: SeatView | null;
  /** Server time minus local time. */
  skewMs: number;
  name: string | null;
  send: Send;
  /** Join (again) under this name. */
  join: (name: string) => void;
  /** Try the same handshake again after a refusal. */
  retry: () => void;
  /** Drop this device's seat token (after leaving the lobby). */
  forgetSeat: () => void;
}

const storageKey = (room: string) => `backchannel:seat:${room}`;

function readToken(room: string): string | null {
  try {
    return window.localStorage.getItem(storageKey(room));
  } catch {
    return null; // Storage disabled (private mode on some browsers): the seat lasts as long as the tab.
  }
}

function writeToken(room: string, token: string | null): void {
  try {
    if (token) window.localStorage.setItem(storageKey(room), token);
    else window.localStorage.removeItem(storageKey(room));
  } catch {
    // Nothing to do: see readToken.
  }
}

/** Codes for which the fix is another display name. */
const NAME_CODES = new Set(['NAME_TAKEN', 'NAME_INVALID', 'NAME_RESERVED']);

/**
 * One Socket.IO connection to the room: the handshake `auth` is computed at every (re)connection
 * from the stored seat token or the display name, the view is kept with ViewTracker, and
 * commands resolve with the server's ack.
 */
export function useGame(room: string, initialName: string | null): Game {
  const [name, setName] = useState<string | null>(initialName);
  const [attempt, setAttempt] = useState(0);
  const [connection, setConnection] = useState<Connection>({ state: 'connecting', retrying: false });
  const [view, setView] = useState<SeatView | null>(null);
  const [skewMs, setSkewMs] = useState(0);
  const socketRef = useRef<GameSocket | null>(null);
  // A token kept in memory too, for browsers where localStorage is unavailable.
  const tokenRef = useRef<string | null>(null);

  useEffect(() => {
    const token = readToken(room) ?? tokenRef.current;
    if (!token && !name) {
      setConnection({ state: 'needs-name' });
      return;
    }
    setConnection({ state: 'connecting', retrying: false });
    const tracker = new ViewTracker<SeatView>();
    let everConnected = false;
    const socket: GameSocket = io({
      // A Manager of its own, so a re-run effect never inherits a closed socket's state.
      forceNew: true,
      auth: (cb) => {
        const stored = readToken(room) ?? tokenRef.current;
        cb(stored ? { v: PROTOCOL, kind: 'player', room, token: stored } : { v: PROTOCOL, kind: 'join', room, name: name ?? '' });
      },
    });
    socketRef.current = socket;
    const show = () => {
      setView(tracker.view);
      setSkewMs(tracker.skewMs);
    };

    socket.on('welcome', (w) => {
      if (w.token) {
        tokenRef.current = w.token;
        writeToken(room, w.token);
      }
    });
    socket.on('snapshot', (s) => {
      everConnected = true;
      tracker.snapshot(s);
      show();
      setConnection({ state: 'connected' });
    });
    socket.on('patch', (p) => {
      if (tracker.patch(p)) show();
      else socket.emit('resync', () => undefined);
    });
    socket.on('removed', (notice) => {
      tokenRef.current = null;
      writeToken(room, null);
      setConnection({ state: 'removed', message: notice.message });
    });
    socket.on('disconnect', (reason) => {
      // 'io server disconnect' follows `removed`; anything else is a network drop and retries.
      if (reason === 'io client disconnect' || reason === 'io server disconnect') return;
      setConnection((c) => (c.state === 'removed' ? c : { state: 'reconnecting' }));
    });
    socket.on('connect_error', (error) => {
      const data = (error as Error & { data?: { code?: string; message?: string } }).data;
      if (!data?.code) {
        // The server is unreachable: socket.io keeps trying.
        setConnection(everConnected ? { state: 'reconnecting' } : { state: 'connecting', retrying: true });
        return;
      }
      const message = data.message ?? 'The server refused the connection.';
      if (data.code === 'BAD_TOKEN') {
        tokenRef.current = null;
        writeToken(room, null);
        setConnection({ state: 'needs-name', code: data.code, message });
      } else if (NAME_CODES.has(data.code)) {
        setConnection({ state: 'needs-name', code: data.code, message });
      } else if (data.code === 'NOT_ALLOWED') {
        tokenRef.current = null;
        writeToken(room, null);
        setConnection({ state: 'removed', message });
      } else {
        setConnection({ state: 'refused', code: data.code, message });
      }
    });

    return () => {
      socket.removeAllListeners();
      socket.disconnect();
      if (socketRef.current === socket) socketRef.current = null;
    };
  }, [room, name, attempt]);

  const send = useCallback<Send>((command) => {
    const socket = socketRef.current;
    if (!socket?.connected) {
      return Promise.resolve({ ok: false, code: 'INTERNAL', message: 'You are offline. Wait until the connection is back, then try again.' });
    }
    return new Promise((resolve) => {
      socket.timeout(COMMAND_TIMEOUT_MS).emit('command', command, (error: Error | null, result?: SendResult) => {
        if (error || !result) resolve({ ok: false, code: 'INTERNAL', message: 'The server did not answer in time. Check your connection and try again.' });
        else resolve(result);
      });
    });
  }, []);

  const join = useCallback((next: string) => {
    setView(null);
    setName(next);
    setAttempt((a) => a + 1);
  }, []);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  const forgetSeat = useCallback(() => {
    tokenRef.current = null;
    writeToken(room, null);
    socketRef.current?.disconnect();
    setView(null);
    setName(null);
    setAttempt((a) => a + 1);
  }, [room]);

  return { connection, view, skewMs, name, send, join, retry, forgetSeat };
}
