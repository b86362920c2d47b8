'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { SeatView } from '../../../server/engine/view';
import { CommandSender, type SendResult } from '../../../shared/command-sender';
import type { ClientToServerEvents, PlayerCommand, ServerToClientEvents } from '../../../server/realtime/protocol';
import { ViewTracker } from '../../../shared/view-tracker';
import { clearJoinName, readJoinName, stashJoinName } from '../../lib/join-name';
import { claimSeatFromLink, forgetRoom, readToken, writeToken } from '../../lib/seat-store';
import { PROTOCOL_VERSION as PROTOCOL } from '../../../shared/version';
import { formatWait, retryAfterMs } from './retry-after';
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
  /** The server refused the handshake (unknown room, locked room, rate limited…); `retryAt` when it said how long to wait. */
  | { state: 'refused'; code: string; message: string; retryAt: number | null }
  | { state: 'removed'; message: string };

export type { SendResult };
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

/** A refusal for going too fast says how long to wait, when the server told us. */
function withWait(result: SendResult): SendResult {
  if (result.ok || result.code !== 'RATE_LIMITED') return result;
  const wait = retryAfterMs(result);
  return wait === null ? result : { ...result, message: `${result.message} You can try again in ${formatWait(wait)}.` };
}

/** Codes for which the fix is another display name. */
const NAME_CODES = new Set(['NAME_TAKEN', 'NAME_INVALID', 'NAME_RESERVED']);

/**
 * One Socket.IO connection to the room: the handshake `auth` is computed at every (re)connection
 * from the stored seat token or the display name, the view is kept with ViewTracker, and
 * commands resolve with the server's ack.
 */
export function useGame(room: string, linkName: string | null): Game {
  // Read in the browser only (the server renders "Connecting…" whatever the name is).
  const [name, setName] = useState<string | null>(() => {
    if (typeof window === 'undefined') return linkName;
    if (linkName) stashJoinName(room, linkName);
    return linkName ?? readJoinName(room);
  });
  const [attempt, setAttempt] = useState(0);
  const [connection, setConnection] = useState<Connection>({ state: 'connecting', retrying: false });
  const [view, setView] = useState<SeatView | null>(null);
  const [skewMs, setSkewMs] = useState(0);
  const socketRef = useRef<GameSocket | null>(null);
  // Commands carry an id; one whose ack was lost is sent again with it after reconnecting.
  const senderRef = useRef<CommandSender | null>(null);
  // A token kept in memory too, for browsers where localStorage is unavailable.
  const tokenRef = useRef<string | null>(null);

  useEffect(() => {
    const handed = claimSeatFromLink(room);
    if (handed) tokenRef.current = handed;
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
      // WebSocket first, as the read-only views do: one round trip less, and long polling only as the fallback.
      transports: ['websocket', 'polling'],
      // Several nodes (docs/deploy.md): the proxy sends every socket of a room to the same node by it.
      query: { room },
      auth: (cb) => {
        const stored = readToken(room) ?? tokenRef.current;
        cb(stored ? { v: PROTOCOL, kind: 'player', room, token: stored } : { v: PROTOCOL, kind: 'join', room, name: name ?? '' });
      },
    });
    socketRef.current = socket;
    const sender = new CommandSender(socket, { timeoutMs: COMMAND_TIMEOUT_MS });
    senderRef.current = sender;
    socket.on('connect', () => sender.resend());
    let resyncTimer: ReturnType<typeof setTimeout> | undefined;
    const resync = () =>
      socket.emit('resync', (r) => {
        // Refused for asking too often: ask again once allowed, or the view would stay behind.
        if (!r.ok && r.retryAfterMs !== undefined) resyncTimer = setTimeout(resync, r.retryAfterMs);
      });
    const show = () => {
      setView(tracker.view);
      setSkewMs(tracker.skewMs);
    };

    socket.on('welcome', (w) => {
      if (w.token) {
        tokenRef.current = w.token;
        writeToken(room, w.token);
        clearJoinName(room);
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
      else resync();
    });
    socket.on('stream', (f) => {
      if (tracker.stream(f)) show();
      else resync();
    });
    socket.on('removed', (notice) => {
      tokenRef.current = null;
      forgetRoom(room);
      setConnection({ state: 'removed', message: notice.message });
    });
    socket.on('disconnect', (reason) => {
      // 'io server disconnect' follows `removed`; anything else is a network drop and retries.
      if (reason === 'io client disconnect' || reason === 'io server disconnect') return;
      setConnection((c) => (c.state === 'removed' ? c : { state: 'reconnecting' }));
    });
    socket.on('connect_error', (error) => {
      const data = (error as Error & { data?: { code?: string; message?: string } & Record<string, unknown> }).data;
      if (data?.code === 'BUSY') {
        // The room is moving to another node: a moment, then again.
        setConnection(everConnected ? { state: 'reconnecting' } : { state: 'connecting', retrying: true });
        setTimeout(() => socket.connect(), 300);
        return;
      }
      if (!data?.code) {
        // The server is unreachable: socket.io keeps trying.
        setConnection(everConnected ? { state: 'reconnecting' } : { state: 'connecting', retrying: true });
        return;
      }
      const message = data.message ?? 'The server refused the connection.';
      if (data.code === 'BAD_TOKEN') {
        tokenRef.current = null;
        forgetRoom(room);
        setConnection({ state: 'needs-name', code: data.code, message });
      } else if (NAME_CODES.has(data.code)) {
        setConnection({ state: 'needs-name', code: data.code, message });
      } else if (data.code === 'NOT_ALLOWED') {
        tokenRef.current = null;
        forgetRoom(room);
        setConnection({ state: 'removed', message });
      } else {
        const wait = retryAfterMs(data);
        setConnection({ state: 'refused', code: data.code, message, retryAt: wait === null ? null : Date.now() + wait });
        // Slowed down, not shut out: the screen counts the wait down and then offers Try again.
      }
    });

    return () => {
      clearTimeout(resyncTimer);
      sender.close();
      if (senderRef.current === sender) senderRef.current = null;
      socket.removeAllListeners();
      socket.disconnect();
      if (socketRef.current === socket) socketRef.current = null;
    };
  }, [room, name, attempt]);

  const send = useCallback<Send>((command) => {
    const sender = senderRef.current;
    if (!sender) return Promise.resolve({ ok: false, code: 'INTERNAL', message: 'You are offline. Wait until the connection is back, then try again.' });
    return sender.send(command).then(withWait);
  }, []);

  const join = useCallback((next: string) => {
    setView(null);
    setName(next);
    setAttempt((a) => a + 1);
  }, []);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  const forgetSeat = useCallback(() => {
    tokenRef.current = null;
    forgetRoom(room);
    socketRef.current?.disconnect();
    setView(null);
    setName(null);
    setAttempt((a) => a + 1);
  }, [room]);

  return { connection, view, skewMs, name, send, join, retry, forgetSeat };
}
