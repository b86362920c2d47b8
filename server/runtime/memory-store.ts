import { AppendConflict, GroupCommit, type AppendOutcome, type PendingAppend } from './group-commit';
import type { AppendExtra, EventStore, SeatTokenRecord, SessionRecord, StoredEvent } from './ports';
import type { GameEvent } from '../engine';

/**
 * The in-memory twin of the SQLite event store, for unit tests of the runtime. It commits in
 * groups like the real one (appends of a turn resolve together, in the check phase), each append
 * all or nothing, so the runtime is tested against the same timing and the same failures.
 */
export class MemoryEventStore implements EventStore {
  private sessions = new Map<string, SessionRecord>();
  private logs = new Map<string, StoredEvent[]>();
  private tokens = new Map<string, SeatTokenRecord & { sessionId: string }>();
  private commands = new Set<string>();
  private readonly group = new GroupCommit((batch) => batch.map((a) => this.tryWrite(a)));

  /** Transactions written and appends they held. */
  get stats(): GroupCommit['stats'] {
    return this.group.stats;
  }

  async createSession(record: SessionRecord): Promise<void> {
    if (this.sessions.has(record.id) || [...this.sessions.values()].some((s) => s.code === record.code)) {
      throw new Error(`session ${record.id} or code ${record.code} exists`);
    }
    this.sessions.set(record.id, { ...record });
    this.logs.set(record.id, []);
  }

  append(sessionId: string, expectedSeq: number, events: GameEvent[], extra: AppendExtra = {}): Promise<StoredEvent[]> {
    return this.group.append({ sessionId, expectedSeq, events: structuredClone(events), extra });
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
    const log = this.logs.get(sessionId);
    if (!log) throw new Error(`no session ${sessionId}`);
    if (log.length !== expectedSeq) throw new AppendConflict(sessionId, expectedSeq, log.length);
    const commandKey = extra.commandKey && events.length ? `${sessionId} ${extra.commandKey}` : undefined;
    if (commandKey && this.commands.has(commandKey)) throw new Error(`command ${extra.commandKey} stored twice`);
    const stored = events.map((event, i) => ({ seq: expectedSeq + i + 1, event }));
    log.push(...stored);
    if (commandKey) this.commands.add(commandKey);
    if (extra.handOver) {
      const { seatId, fromSeatId } = extra.handOver;
      for (const [hash, t] of this.tokens) {
        if (t.sessionId !== sessionId) continue;
        if (t.seatId === seatId) this.tokens.delete(hash);
        else if (fromSeatId !== null && t.seatId === fromSeatId) this.tokens.set(hash, { ...t, seatId });
      }
    }
    for (const t of extra.seatTokens ?? []) this.tokens.set(t.tokenHash, { ...t, sessionId });
    const session = this.sessions.get(sessionId);
    if (session && extra.status) session.status = extra.status;
    return structuredClone(stored);
  }

  async hasCommand(sessionId: string, commandKey: string): Promise<boolean> {
    return this.commands.has(`${sessionId} ${commandKey}`);
  }

  async load(sessionId: string): Promise<StoredEvent[]> {
    return structuredClone(this.logs.get(sessionId) ?? []);
  }

  async liveSessions(): Promise<SessionRecord[]> {
    return [...this.sessions.values()].filter((s) => s.status !== 'ended').map((s) => ({ ...s }));
  }

  async findSession({ id, code }: { id?: string; code?: string }): Promise<SessionRecord | undefined> {
    const found = [...this.sessions.values()].find((s) => (id !== undefined && s.id === id) || (code !== undefined && s.code === code));
    return found && { ...found };
  }

  async listSessions(facilitatorId: string | null): Promise<SessionRecord[]> {
    return [...this.sessions.values()].filter((s) => facilitatorId === null || s.facilitatorId === facilitatorId).map((s) => ({ ...s }));
  }

  async seatForToken(sessionId: string, tokenHash: string): Promise<string | undefined> {
    const t = this.tokens.get(tokenHash);
    return t && t.sessionId === sessionId ? t.seatId : undefined;
  }

  async close(): Promise<void> {
    this.group.close();
  }
}
