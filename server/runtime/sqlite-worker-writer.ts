import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { eventAt } from '../engine';
import { AppendConflict, type AppendOutcome, type PendingAppend } from './group-commit';

/** An append as the writer thread takes it: events already serialised, times already read. */
interface WireAppend {
  sessionId: string;
  expectedSeq: number;
  rows: { seq: number; type: string; payload: string; at: number; commandId: string | null }[];
  handOver: { seatId: string; fromSeatId: string | null } | null;
  seatTokens: { tokenHash: string; seatId: string }[];
  status: string | null;
  /** The session's updated_at: its last event's time. */
  at: number;
  /** The seat tokens' created_at. */
  now: number;
}

type WireError = { kind: 'conflict'; actual: number } | { kind: 'error'; message: string; code?: string };
type Reply =
  | { type: 'ready'; synchronous: number; journal: string }
  | { id: number; outcomes: ({ ok: true } | { ok: false; error: WireError })[] }
  | { id: number; failed: WireError };

function toWire({ sessionId, expectedSeq, events, extra }: PendingAppend, now: number): WireAppend {
  const rows = events.map((event, i) => ({
    seq: expectedSeq + i + 1,
    type: event.type,
    payload: JSON.stringify(event),
    at: eventAt(event),
    // The unique index on (session_id, command_id) refuses the same command stored twice.
    commandId: i === 0 ? (extra.commandKey ?? null) : null,
  }));
  return {
    sessionId,
    expectedSeq,
    rows,
    handOver: extra.handOver ?? null,
    seatTokens: (extra.seatTokens ?? []).map((t) => ({ tokenHash: t.tokenHash, seatId: t.seatId })),
    status: extra.status ?? null,
    at: rows.length ? rows[rows.length - 1]!.at : now,
    now,
  };
}

/** A SqliteError again on this side, so callers reading its code (sqliteCode) see the same as in-loop. */
const toError = (a: PendingAppend, e: WireError): Error =>
  e.kind === 'conflict' ? new AppendConflict(a.sessionId, a.expectedSeq, e.actual) : e.code ? new Database.SqliteError(e.message, e.code) : new Error(e.message);

/**
 * Writes group commits on a worker thread with its own connection to the same SQLite file (same
 * pragmas: WAL, synchronous=FULL), so the transaction and its fsync no longer stop the event loop.
 * An append still resolves only after its transaction committed: the worker replies after COMMIT.
 * Reads stay on the main connection; WAL lets them run meanwhile and shows every committed write.
 *
 * If the worker dies, or a batch cannot be committed as a whole (I/O error, disk full), what
 * waits is rejected and every later write refused: after a failed fsync the file's state is not
 * known, so carrying on could acknowledge what the disk never kept.
 */
export class SqliteWorkerWriter {
  private readonly worker: Worker;
  private readonly inFlight = new Map<number, { batch: PendingAppend[]; resolve: (o: AppendOutcome[]) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private failure: Error | undefined;
  private closing: Promise<void> | undefined;
  private exited = false;
  /** The worker connection's pragmas, once it opened (for tests and the benchmark). */
  readonly ready: Promise<{ synchronous: number; journal: string }>;

  constructor(file: string) {
    this.worker = new Worker(new URL('./sqlite-writer.worker.mjs', import.meta.url), { workerData: { file } });
    // Idle, the worker does not keep the process alive; a write in flight does (see write).
    this.worker.unref();
    let ready!: (v: { synchronous: number; journal: string }) => void;
    this.ready = new Promise((resolve) => (ready = resolve));
    this.worker.on('message', (reply: Reply) => {
      if ('type' in reply) return ready({ synchronous: reply.synchronous, journal: reply.journal });
      const pending = this.inFlight.get(reply.id);
      if (!pending) return;
      this.inFlight.delete(reply.id);
      if (this.inFlight.size === 0) this.worker.unref();
      if ('failed' in reply) {
        const error = new Error(`the SQLite writer could not commit a batch, nothing of it is stored: ${reply.failed.kind === 'error' ? reply.failed.message : 'conflict'}`);
        this.fail(error);
        return pending.reject(error);
      }
      pending.resolve(reply.outcomes.map((o, i) => (o.ok ? { ok: true, stored: pending.batch[i]!.events.map((event, j) => ({ seq: pending.batch[i]!.expectedSeq + j + 1, event })) } : { ok: false, error: toError(pending.batch[i]!, o.error) })));
    });
    this.worker.on('error', (error) => this.fail(new Error(`the SQLite writer thread failed: ${error.message}`)));
    this.worker.on('exit', (code) => {
      this.exited = true;
      this.fail(new Error(`the SQLite writer thread exited (code ${code})`));
    });
  }

  /** Stops every write from now on and rejects those in flight (their outcome is unknown). */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const [id, pending] of this.inFlight) {
      this.inFlight.delete(id);
      pending.reject(new Error(`${this.failure.message}; the append's outcome is unknown and the event store refuses further appends`));
    }
  }

  write(batch: PendingAppend[]): Promise<AppendOutcome[]> {
    if (this.failure) return Promise.reject(new Error(`${this.failure.message}; the event store refuses further appends`));
    const id = this.nextId++;
    const now = Date.now();
    return new Promise((resolve, reject) => {
      this.inFlight.set(id, { batch, resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ id, batch: batch.map((a) => toWire(a, now)) });
    });
  }

  /** Ends the worker once nothing is in flight (the group commit drained first), closing its connection. */
  close(): Promise<void> {
    return (this.closing ??= new Promise<void>((resolve) => {
      this.failure ??= new Error('the event store is closed');
      if (this.exited) return resolve();
      this.worker.once('exit', () => resolve());
      this.worker.ref();
      this.worker.postMessage({ type: 'close' });
    }));
  }

  /** For tests: ends the thread abruptly, as a crash would. */
  crashForTest(): Promise<number> {
    return this.worker.terminate();
  }
}
