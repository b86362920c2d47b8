import type { GameEvent } from '../engine';
import type { AppendExtra, StoredEvent } from './ports';

export interface PendingAppend {
  sessionId: string;
  expectedSeq: number;
  events: GameEvent[];
  extra: AppendExtra;
}

/** What became of one append of a batch: each succeeds or fails on its own. */
export type AppendOutcome = { ok: true; stored: StoredEvent[] } | { ok: false; error: unknown };

/**
 * Writes a batch in one transaction (one fsync) and says what became of each append. Throws (or
 * rejects) only if the batch as a whole could not be committed: then none of it is stored. An
 * embedded database writes synchronously; a database across the network returns a promise.
 */
export type BatchWriter = (batch: PendingAppend[]) => AppendOutcome[] | Promise<AppendOutcome[]>;

/** Most appends in one transaction: bounds the time one flush holds the event loop. */
export const MAX_BATCH = 512;

interface Waiting {
  append: PendingAppend;
  resolve: (stored: StoredEvent[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit. Durability costs one fsync per transaction, whatever it holds; so appends made in
 * the same event-loop turn (commands of many sessions arriving together, or several of one session)
 * wait for the check phase (setImmediate) and are written in one transaction. Nobody is told an
 * append succeeded before its transaction committed.
 *
 * With an asynchronous writer one transaction is in flight at a time: appends made meanwhile wait
 * and form the next batch as soon as it committed. So batches grow with the load, and a session's
 * later append is never written before (or beside) an earlier one.
 */
export class GroupCommit {
  private waiting: Waiting[] = [];
  private scheduled = false;
  private closed = false;
  /** An asynchronous batch is being written. */
  private busy = false;
  private idle: (() => void)[] = [];
  /** Transactions written and appends they held, for tests and benchmarks. */
  readonly stats = { batches: 0, appends: 0 };

  /** `grouped: false` writes every append in its own transaction at once (the benchmark's baseline). */
  constructor(
    private readonly write: BatchWriter,
    private readonly grouped = true,
  ) {}

  append(append: PendingAppend): Promise<StoredEvent[]> {
    if (this.closed) return Promise.reject(new Error('the event store is closed'));
    return new Promise((resolve, reject) => {
      this.waiting.push({ append, resolve, reject });
      if (!this.grouped) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Writes everything waiting now, in batches of at most MAX_BATCH (after the batch in flight, if any). */
  flush(): void {
    this.scheduled = false;
    if (this.busy) return;
    while (this.waiting.length) {
      const batch = this.waiting.splice(0, MAX_BATCH);
      let written: AppendOutcome[] | Promise<AppendOutcome[]>;
      try {
        written = this.write(batch.map((w) => w.append));
      } catch (error) {
        for (const w of batch) w.reject(error);
        continue;
      }
      if (written instanceof Promise) {
        this.busy = true;
        written
          .then(
            (outcomes) => this.settle(batch, outcomes),
            (error: unknown) => {
              for (const w of batch) w.reject(error);
            },
          )
          .finally(() => {
            this.busy = false;
            this.flush();
          });
        return;
      }
      this.settle(batch, written);
    }
    for (const done of this.idle.splice(0)) done();
  }

  private settle(batch: Waiting[], outcomes: AppendOutcome[]): void {
    this.stats.batches++;
    this.stats.appends += batch.length;
    batch.forEach((w, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) w.resolve(outcome.stored);
      else w.reject(outcome.error);
    });
  }

  /** Writes what is waiting, refuses appends from now on, and resolves once nothing is in flight. */
  close(): Promise<void> {
    this.closed = true;
    const drained = new Promise<void>((resolve) => this.idle.push(resolve));
    this.flush();
    return drained;
  }
}

/** The error an append gets when the session's log does not end where the command was decided. */
export class AppendConflict extends Error {
  constructor(sessionId: string, expectedSeq: number, actualSeq: number) {
    super(`append conflict in session ${sessionId}: expected seq ${expectedSeq}, the log ends at ${actualSeq}`);
    this.name = 'AppendConflict';
  }
}
