import { copy, emptyTables, type MemoryTables } from '../stores/memory/tables';
import { AppendConflict, GroupCommit, type AppendOutcome, type PendingAppend } from './group-commit';
import type { AppendExtra, EventStore, SessionRecord, StoredEvent } from './ports';
import { eventAt, type GameEvent } from '../engine';

/**
 * The in-memory twin of the SQLite event store, for unit tests of the runtime. It commits in
 * groups like the real one (appends of a turn resolve together, in the check phase), each append
 * all or nothing, so the runtime is tested against the same timing and the same failures.
 * Alone it keeps its own tables; openMemoryStores gives it the tables the other twins share.
 */
export class MemoryEventStore implements EventStore {
  private readonly group = new GroupCommit((batch) => batch.map((a) => this.tryWrite(a)));

  constructor(private readonly t: MemoryTables = emptyTables(false)) {}

  /** Transactions written and appends they held. */
  get stats(): GroupCommit['stats'] {
    return this.group.stats;
  }

  async createSession(record: SessionRecord): Promise<void> {
    if (this.t.sessions.has(record.id) || [...this.t.sessions.values()].some((s) => s.code === record.code)) {
      throw new Error(`session ${record.id} or code ${record.code} exists`);
    }
    if (this.t.checkReferences && !this.t.facilitators.has(record.facilitatorId)) throw new Error(`no facilitator ${record.facilitatorId}`);
    this.t.sessions.set(record.id, { ...copy(record), updatedAt: record.createdAt });
    this.t.logs.set(record.id, []);
  }

  append(sessionId: string, expectedSeq: number, events: GameEvent[], extra: AppendExtra = {}): Promise<StoredEvent[]> {
    return this.group.append({ sessionId, expectedSeq, events: structuredClone(events), extra: structuredClone(extra) });
  }

  private tryWrite(append: PendingAppend): AppendOutcome {
    try {
      return { ok: true, stored: this.write(append) };
    } catch (error) {
      return { ok: false, error };
    }
  }

  /** Checks everything before changing anything: an append is stored whole or not at all. */
  private write({ sessionId, expectedSeq, events, extra }: PendingAppend): StoredEvent[] {
    const log = this.t.logs.get(sessionId);
    const session = this.t.sessions.get(sessionId);
    if (!log || !session) throw new Error(`no session ${sessionId}`);
    if (log.length !== expectedSeq) throw new AppendConflict(sessionId, expectedSeq, log.length);
    const commandKey = extra.commandKey && events.length ? `${sessionId} ${extra.commandKey}` : undefined;
    if (commandKey && this.t.commands.has(commandKey)) throw new Error(`command ${extra.commandKey} stored twice`);
    const stored = events.map((event, i) => ({ seq: expectedSeq + i + 1, event }));
    log.push(...stored);
    if (commandKey) this.t.commands.add(commandKey);
    if (extra.handOver) {
      const { seatId, fromSeatId } = extra.handOver;
      for (const [hash, token] of this.t.seatTokens) {
        if (token.sessionId !== sessionId) continue;
        if (token.seatId === seatId) this.t.seatTokens.delete(hash);
        else if (fromSeatId !== null && token.seatId === fromSeatId) this.t.seatTokens.set(hash, { ...token, seatId });
      }
    }
    for (const token of extra.seatTokens ?? []) this.t.seatTokens.set(token.tokenHash, { ...token, sessionId });
    if (extra.status) session.status = extra.status;
    const last = stored[stored.length - 1];
    if (last) session.updatedAt = eventAt(last.event);
    return structuredClone(stored);
  }

  async hasCommand(sessionId: string, commandKey: string): Promise<boolean> {
    return this.t.commands.has(`${sessionId} ${commandKey}`);
  }

  async load(sessionId: string, afterSeq = 0): Promise<StoredEvent[]> {
    return structuredClone((this.t.logs.get(sessionId) ?? []).slice(Math.max(0, afterSeq)));
  }

  async liveSessions(): Promise<SessionRecord[]> {
    return [...this.t.sessions.values()].filter((s) => s.status !== 'ended').map(toRecord);
  }

  async findSession({ id, code }: { id?: string; code?: string }): Promise<SessionRecord | undefined> {
    const found = id !== undefined ? this.t.sessions.get(id) : code !== undefined ? [...this.t.sessions.values()].find((s) => s.code === code) : undefined;
    return found && toRecord(found);
  }

  async listSessions(facilitatorId: string | null): Promise<SessionRecord[]> {
    return [...this.t.sessions.values()]
      .filter((s) => facilitatorId === null || s.facilitatorId === facilitatorId)
      .map(toRecord)
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  async seatForToken(sessionId: string, tokenHash: string): Promise<string | undefined> {
    const token = this.t.seatTokens.get(tokenHash);
    return token && token.sessionId === sessionId ? token.seatId : undefined;
  }

  async close(): Promise<void> {
    this.group.close();
  }
}

function toRecord({ id, code, facilitatorId, scenarioId, status, createdAt }: SessionRecord): SessionRecord {
  return { id, code, facilitatorId, scenarioId, status, createdAt };
}
