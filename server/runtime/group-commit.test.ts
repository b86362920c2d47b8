// Group commit with an asynchronous writer (a database across the network): one transaction in
// flight at a time, the appends made meanwhile written together next, close() waiting for both.
// The writer here is a fake whose transactions finish when the test says so.
import { describe, expect, it } from 'vitest';
import type { GameEvent } from '../engine';
import { GroupCommit, type AppendOutcome, type PendingAppend } from './group-commit';

const event = (n: number): GameEvent => ({ type: 'RoomLocked', locked: n % 2 === 0, at: n });
const append = (sessionId: string, expectedSeq: number): PendingAppend => ({ sessionId, expectedSeq, events: [event(expectedSeq + 1)], extra: {} });

/** A writer whose batches wait until the test commits or fails them, in order. */
function manualWriter() {
  const batches: { appends: PendingAppend[]; commit: () => void; fail: (error: Error) => void }[] = [];
  const write = (appends: PendingAppend[]) =>
    new Promise<AppendOutcome[]>((resolve, reject) => {
      batches.push({
        appends,
        commit: () => resolve(appends.map((a) => ({ ok: true, stored: a.events.map((e, i) => ({ seq: a.expectedSeq + i + 1, event: e })) }))),
        fail: reject,
      });
    });
  return { batches, write };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('group commit with an asynchronous writer', () => {
  it('writes the appends made while a transaction is in flight together, once it committed', async () => {
    const { batches, write } = manualWriter();
    const group = new GroupCommit(write);
    const first = group.append(append('a', 0));
    await turn();
    expect(batches.map((b) => b.appends.length)).toEqual([1]);
    const later = [group.append(append('a', 1)), group.append(append('b', 0)), group.append(append('a', 2))];
    await turn();
    // Nothing else starts while the first transaction is open.
    expect(batches).toHaveLength(1);
    batches[0]!.commit();
    expect(await first).toEqual([{ seq: 1, event: event(1) }]);
    await turn();
    expect(batches[1]!.appends.map((a) => `${a.sessionId}@${a.expectedSeq}`)).toEqual(['a@1', 'b@0', 'a@2']);
    batches[1]!.commit();
    expect((await Promise.all(later)).map((s) => s[0]!.seq)).toEqual([2, 1, 3]);
    expect(group.stats).toEqual({ batches: 2, appends: 4 });
  });

  it('rejects every append of a transaction that failed, and writes the next ones', async () => {
    const { batches, write } = manualWriter();
    const group = new GroupCommit(write);
    const lost = [group.append(append('a', 0)), group.append(append('b', 0))];
    await turn();
    const next = group.append(append('c', 0));
    batches[0]!.fail(new Error('connection lost'));
    for (const l of lost) await expect(l).rejects.toThrow('connection lost');
    await turn();
    batches[1]!.commit();
    expect(await next).toHaveLength(1);
    expect(group.stats).toEqual({ batches: 1, appends: 1 });
  });

  it('close() resolves once the transaction in flight and the appends waiting are written, and refuses appends after', async () => {
    const { batches, write } = manualWriter();
    const group = new GroupCommit(write);
    const inFlight = group.append(append('a', 0));
    await turn();
    const waiting = group.append(append('a', 1));
    let closed = false;
    const closing = group.close().then(() => (closed = true));
    await expect(group.append(append('a', 2))).rejects.toThrow(/closed/);
    batches[0]!.commit();
    await inFlight;
    await turn();
    expect(closed).toBe(false);
    batches[1]!.commit();
    await closing;
    expect(await waiting).toHaveLength(1);
    expect(closed).toBe(true);
  });
});
