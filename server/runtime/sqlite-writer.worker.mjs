// The SQLite event store's writer thread (see sqlite-worker-writer.ts). Plain JavaScript, so it
// runs the same under tsx, vitest and node without a loader in the worker. It owns a connection
// of its own to the store's file and writes each group commit's batch in one transaction, so the
// transaction and its fsync no longer hold the game server's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const sqlite = new Database(workerData.file);
// The pragmas of db/client.ts openDatabase, per connection: a commit here is as durable as there.
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('foreign_keys = ON');
sqlite.pragma('busy_timeout = 5000');
sqlite.pragma('synchronous = FULL');

const q = {
  lastSeq: sqlite.prepare('SELECT max(seq) AS seq FROM events WHERE session_id = ?').pluck(),
  insertEvent: sqlite.prepare('INSERT INTO events (session_id, seq, type, payload, at, command_id) VALUES (?, ?, ?, ?, ?, ?)'),
  revokeSeat: sqlite.prepare('DELETE FROM seat_tokens WHERE session_id = ? AND seat_id = ?'),
  moveTokens: sqlite.prepare('UPDATE seat_tokens SET seat_id = ? WHERE session_id = ? AND seat_id = ?'),
  insertToken: sqlite.prepare('INSERT INTO seat_tokens (token_hash, session_id, seat_id, created_at) VALUES (?, ?, ?, ?)'),
  touch: sqlite.prepare('UPDATE sessions SET updated_at = ? WHERE id = ?'),
  touchStatus: sqlite.prepare('UPDATE sessions SET updated_at = ?, status = ? WHERE id = ?'),
};

class Conflict extends Error {
  constructor(actual) {
    super('conflict');
    this.actual = actual;
  }
}

/** One append (already serialised by the main thread), inside its savepoint. */
const one = sqlite.transaction((a) => {
  // The primary key refuses a second writer at the same seq, but not a gap: check the log's end.
  const last = q.lastSeq.get(a.sessionId) ?? 0;
  if (last !== a.expectedSeq) throw new Conflict(last);
  for (const r of a.rows) q.insertEvent.run(a.sessionId, r.seq, r.type, r.payload, r.at, r.commandId);
  if (a.handOver) {
    q.revokeSeat.run(a.sessionId, a.handOver.seatId);
    if (a.handOver.fromSeatId !== null) q.moveTokens.run(a.handOver.seatId, a.sessionId, a.handOver.fromSeatId);
  }
  for (const t of a.seatTokens) q.insertToken.run(t.tokenHash, a.sessionId, t.seatId, a.now);
  if (a.status) q.touchStatus.run(a.at, a.status, a.sessionId);
  else q.touch.run(a.at, a.sessionId);
});

const describe = (error) =>
  error instanceof Conflict
    ? { kind: 'conflict', actual: error.actual }
    : { kind: 'error', message: error instanceof Error ? error.message : String(error), code: error?.code };

const batch = sqlite.transaction((list) =>
  list.map((a) => {
    try {
      one(a);
      return { ok: true };
    } catch (error) {
      // Some errors roll the whole transaction back: the rest would run outside it, so fail all.
      if (!sqlite.inTransaction) throw error;
      return { ok: false, error: describe(error) };
    }
  }),
);

parentPort.on('message', (message) => {
  if (message.type === 'close') {
    sqlite.close();
    parentPort.close();
    return;
  }
  try {
    // IMMEDIATE: take the write lock at BEGIN, so a writer sharing the file makes this wait, not fail.
    parentPort.postMessage({ id: message.id, outcomes: batch.immediate(message.batch) });
  } catch (error) {
    parentPort.postMessage({ id: message.id, failed: describe(error) });
  }
});
parentPort.postMessage({ type: 'ready', synchronous: sqlite.pragma('synchronous', { simple: true }), journal: sqlite.pragma('journal_mode', { simple: true }) });
