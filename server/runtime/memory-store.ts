import type { GameEvent } from '../engine';
import type { AppendExtra, EventStore, SeatTokenRecord, SessionRecord, StoredEvent } from './ports';

/** The in-memory twin of the SQLite event store, for unit tests of the runtime. */
export class MemoryEventStore implements EventStore {
  private sessions = new Map<string, SessionRecord>();
  private logs = new Map<string, StoredEvent[]>();
  private tokens = new Map<string, SeatTokenRecord & { sessionId: string }>();
  private commands = new Set<string>();

  createSession(record: SessionRecord): void {
    if (this.sessions.has(record.id) || [...this.sessions.values()].some((s) => s.code === record.code)) {
      throw new Error(`session ${record.id} or code ${record.code} exists`);
    }
    this.sessions.set(record.id, { ...record });
    this.logs.set(record.id, []);
  }

  append(sessionId: string, expectedSeq: number, events: GameEvent[], extra: AppendExtra = {}): StoredEvent[] {
    const log = this.logs.get(sessionId);
    if (!log) throw new Error(`no session ${sessionId}`);
    if (log.length !== expectedSeq) throw new Error(`append conflict: expected seq ${expectedSeq}, have ${log.length}`);
    const commandKey = extra.commandKey && events.length ? `${sessionId} ${extra.commandKey}` : undefined;
    if (commandKey && this.commands.has(commandKey)) throw new Error(`command ${extra.commandKey} stored twice`);
    const stored = events.map((event, i) => ({ seq: expectedSeq + i + 1, event: structuredClone(event) }));
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
    return stored;
  }

  hasCommand(sessionId: string, commandKey: string): boolean {
    return this.commands.has(`${sessionId} ${commandKey}`);
  }

  load(sessionId: string): StoredEvent[] {
    return structuredClone(this.logs.get(sessionId) ?? []);
  }

  liveSessions(): SessionRecord[] {
    return [...this.sessions.values()].filter((s) => s.status !== 'ended');
  }

  findSession({ id, code }: { id?: string; code?: string }): SessionRecord | undefined {
    return [...this.sessions.values()].find((s) => (id !== undefined && s.id === id) || (code !== undefined && s.code === code));
  }

  listSessions(facilitatorId: string | null): SessionRecord[] {
    return [...this.sessions.values()].filter((s) => facilitatorId === null || s.facilitatorId === facilitatorId);
  }

  seatForToken(sessionId: string, tokenHash: string): string | undefined {
    const t = this.tokens.get(tokenHash);
    return t && t.sessionId === sessionId ? t.seatId : undefined;
  }
}
