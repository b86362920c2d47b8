import type { Socket } from 'socket.io';

/**
 * Flow control for one connection: how many bytes it has queued and not yet handed to the network,
 * and whether a snapshot is still on its way. Engine.IO queues a connection's packets in its
 * `writeBuffer` while the transport is busy (a websocket still writing, a long-poll not yet asked
 * for) and `ws` keeps what the kernel has not taken in `bufferedAmount`: together, what a client
 * that does not read makes the server hold.
 */
interface EnginePacket {
  data?: unknown;
}

interface EngineConnection {
  writeBuffer: EnginePacket[];
  transport: { name: string; socket?: { bufferedAmount?: number; terminate?: () => void } };
  on(event: 'packetCreate', listener: (packet: EnginePacket) => void): void;
  on(event: 'flush', listener: () => void): void;
  once(event: 'drain', listener: () => void): void;
  close(discard?: boolean): void;
}

function sizeOf(packet: EnginePacket): number {
  const data = packet.data;
  if (typeof data === 'string') return data.length;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}

export class Outbox {
  /** Bytes in the Engine.IO write buffer, kept up to date from its events (no walk of the buffer). */
  private queued = 0;
  /** Bytes ever queued: the difference around an emit is that message's size. */
  private created = 0;
  /** The seq of a snapshot not yet handed to the transport, or null. */
  snapshotInFlight: number | null = null;
  /** The size of the last snapshot: a large view may have that much in flight legitimately. */
  lastSnapshotBytes = 0;
  dropped = false;
  private readonly conn: EngineConnection;

  constructor(socket: Socket) {
    this.conn = socket.conn as unknown as EngineConnection;
    this.conn.on('packetCreate', (packet) => {
      const size = sizeOf(packet);
      this.queued += size;
      this.created += size;
    });
    // A flush hands the whole write buffer to the transport.
    this.conn.on('flush', () => {
      this.queued = 0;
    });
  }

  /** What this connection holds unsent: the write buffer plus what the websocket has not written. */
  buffered(): number {
    const ws = this.conn.transport.socket;
    return this.queued + (typeof ws?.bufferedAmount === 'number' ? ws.bufferedAmount : 0);
  }

  overLimit(maxBufferedBytes: number): boolean {
    return this.buffered() > Math.max(maxBufferedBytes, 2 * this.lastSnapshotBytes);
  }

  /** Emits a snapshot and remembers it as in flight until Engine.IO hands it to the transport. */
  sentSnapshot(seq: number, emit: () => void): void {
    const before = this.created;
    emit();
    this.lastSnapshotBytes = this.created - before;
    if (this.conn.writeBuffer.length > 0) {
      this.snapshotInFlight = seq;
      this.conn.once('drain', () => {
        if (this.snapshotInFlight === seq) this.snapshotInFlight = null;
      });
    }
  }

  /**
   * Drops the connection now, discarding what is queued. Socket.IO's own disconnect would first wait
   * for the buffer to drain, which a client that does not read never lets happen.
   */
  drop(): void {
    if (this.dropped) return;
    this.dropped = true;
    const ws = this.conn.transport.socket;
    if (this.conn.transport.name === 'websocket' && typeof ws?.terminate === 'function') ws.terminate();
    else this.conn.close(true);
  }
}
