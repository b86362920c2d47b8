import { io, type Socket } from 'socket.io-client';
import type { SeatView } from '../server/engine/view';
import type { CommandEnvelope } from '../server/realtime/protocol';
import { PROTOCOL_VERSION } from '../shared/version';
import { ViewTracker } from '../shared/view-tracker';
import { expect } from './fixtures';

/**
 * A student without a browser: a real socket.io client that joins by code, keeps its view and
 * sends commands. The cockpit's tests need ten players at two tables; ten browsers would starve
 * two cores, and the students' screens are tested elsewhere.
 */
export interface SocketStudent {
  name: string;
  seatId: string;
  view: () => SeatView;
  send: (command: CommandEnvelope) => Promise<{ ok: boolean; code?: string; message?: string }>;
  close: () => void;
}

export async function socketStudent(baseURL: string, code: string, name: string): Promise<SocketStudent> {
  const tracker = new ViewTracker<SeatView>();
  const socket: Socket = io(baseURL, { auth: { v: PROTOCOL_VERSION, kind: 'join', room: code, name }, transports: ['websocket'], forceNew: true, reconnection: false });
  let seatId = '';
  socket.on('welcome', (w: { seatId: string | null }) => (seatId = w.seatId ?? ''));
  socket.on('snapshot', (s) => tracker.snapshot(s));
  socket.on('patch', (p) => {
    if (!tracker.patch(p)) socket.emit('resync', () => undefined);
  });
  await expect.poll(() => tracker.view !== null && seatId !== '', { message: `${name} joins` }).toBe(true);
  return {
    name,
    get seatId() {
      return seatId;
    },
    view: () => tracker.view!,
    send: (command) =>
      new Promise((resolve) => {
        socket.timeout(10_000).emit('command', command, (error: Error | null, ack?: { ok: boolean; code?: string; message?: string }) => resolve(error || !ack ? { ok: false, code: 'TIMEOUT' } : ack));
      }),
    close: () => socket.close(),
  };
}

/** Fails with the server's words when a command was refused. */
export async function ok(ack: Promise<{ ok: boolean; code?: string; message?: string }>): Promise<void> {
  const result = await ack;
  if (!result.ok) throw new Error(`refused: ${result.code}: ${result.message}`);
}
