import { randomInt } from 'node:crypto';
import { DEFAULT_OPTIONS, type Actor, type Command, type Scenario, type SessionOptions } from '../engine';
import { hashToken, newId, newRoomCode, newToken } from './codes';
import type { Logger } from '../log';
import type { Clock, EventStore, Scheduler, SessionRecord } from './ports';
import { SessionRuntime, type CommandResult, type Listener } from './session-runtime';

export interface RuntimeDeps {
  store: EventStore;
  clock: Clock;
  scheduler: Scheduler;
  /** Where a listener's failure is reported; it never turns a stored command into a failed one. */
  log?: Pick<Logger, 'error'>;
}

export type ReplaceResult = { ok: true; seatId: string; token: string | null } | Extract<CommandResult, { ok: false }>;
export type JoinResult = { ok: true; seatId: string; token: string; sessionId: string } | Extract<CommandResult, { ok: false }>;

/** All live sessions of this server, rebuilt from the event log at start. */
export class Runtime {
  private sessions = new Map<string, SessionRuntime>();
  private listeners = new Set<Listener>();

  constructor(private readonly deps: RuntimeDeps) {}

  /** Rebuilds every live session; a deadline that passed while the server was down fires at once. */
  start(): number {
    const live = this.deps.store.liveSessions();
    for (const record of live) this.open(record.id).load();
    return live.length;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private open(sessionId: string): SessionRuntime {
    const runtime = new SessionRuntime(sessionId, this.deps.store, this.deps.clock, this.deps.scheduler, (c) => {
      // The events are stored: the command succeeded whatever a listener does. Each listener runs,
      // and a failing one is logged, not reported to the player as "not applied".
      for (const l of this.listeners) {
        try {
          l(c);
        } catch (error) {
          const message = `a listener failed after session ${sessionId} stored seq ${c.seq}`;
          if (this.deps.log) this.deps.log.error(message, error);
          else console.error(message, error);
        }
      }
    });
    this.sessions.set(sessionId, runtime);
    return runtime;
  }

  async createSession(input: { facilitatorId: string; scenario: Scenario; options?: Partial<SessionOptions> }): Promise<SessionRecord> {
    const id = newId('ses');
    let record: SessionRecord | undefined;
    for (let attempt = 0; attempt < 20 && !record; attempt++) {
      const candidate: SessionRecord = { id, code: newRoomCode(), facilitatorId: input.facilitatorId, scenarioId: input.scenario.id, status: 'lobby', createdAt: this.deps.clock.now() };
      if (this.deps.store.findSession({ code: candidate.code })) continue;
      this.deps.store.createSession(candidate);
      record = candidate;
    }
    if (!record) throw new Error('could not find a free room code');
    const session = this.open(id);
    const options: SessionOptions = { ...DEFAULT_OPTIONS, ...input.options };
    // A secret random seed, recorded in the log (so replays are exact) and never sent to players:
    // anyone who knew it could replay the leak rolls.
    const seed = randomInt(0, 2 ** 31);
    const result = await session.dispatch({ type: 'CreateSession', code: record.code, scenario: input.scenario, options, seed }, { kind: 'system' });
    if (!result.ok) throw new Error(`session creation rejected: ${result.message}`);
    return record;
  }

  ownerOf(sessionId: string): string | undefined {
    return this.deps.store.findSession({ id: sessionId })?.facilitatorId;
  }

  listSessions(facilitatorId: string | null): SessionRecord[] {
    return this.deps.store.listSessions(facilitatorId);
  }

  /** A session by id; one not loaded at start (an ended session) is rebuilt from its log on first use. */
  get(sessionId: string): SessionRuntime | undefined {
    const loaded = this.sessions.get(sessionId);
    if (loaded) return loaded;
    if (!this.deps.store.findSession({ id: sessionId })) return undefined;
    const session = this.open(sessionId);
    session.load();
    return session;
  }

  findByCode(code: string): { record: SessionRecord; session: SessionRuntime } | undefined {
    const record = this.deps.store.findSession({ code });
    const session = record ? this.get(record.id) : undefined;
    return record && session ? { record, session } : undefined;
  }

  /** A student joins with a display name and receives the token that brings them back to the seat. */
  async join(sessionId: string, name: string): Promise<JoinResult> {
    const session = this.get(sessionId);
    if (!session) return { ok: false, code: 'SESSION_NOT_CREATED', message: 'There is no such room.' };
    const token = newToken();
    let seatId = '';
    const result = await session.dispatch({ type: 'Join', name }, { kind: 'guest' }, {
      issue: (events) => {
        const joined = events.find((e) => e.type === 'PlayerJoined');
        seatId = joined?.type === 'PlayerJoined' ? joined.seatId : '';
        return { seatTokens: seatId ? [{ tokenHash: hashToken(token), seatId }] : [] };
      },
    });
    if (!result.ok) return result;
    return { ok: true, seatId, token, sessionId };
  }

  /**
   * Gives a dealt seat to a waiting player (whose token now opens it) or to a newcomer by name (a
   * new token, returned once, for the link the facilitator hands over). The old occupant's tokens
   * are revoked in the same transaction as the event.
   */
  async replace(sessionId: string, seatId: string, newcomer: { seatId: string } | { name: string }): Promise<ReplaceResult> {
    const session = this.get(sessionId);
    if (!session) return { ok: false, code: 'SESSION_NOT_CREATED', message: 'There is no such session.' };
    const token = 'name' in newcomer ? newToken() : null;
    const result = await session.dispatch({ type: 'ReplaceSeat', seatId, newcomer }, { kind: 'facilitator' }, {
      issue: (events) => {
        const replaced = events.find((e) => e.type === 'SeatReplaced');
        if (replaced?.type !== 'SeatReplaced') return {};
        return { handOver: { seatId, fromSeatId: replaced.fromSeatId }, seatTokens: token ? [{ tokenHash: hashToken(token), seatId }] : [] };
      },
    });
    if (!result.ok) return result;
    return { ok: true, seatId, token };
  }

  seatForToken(sessionId: string, token: string): string | undefined {
    return this.deps.store.seatForToken(sessionId, hashToken(token));
  }

  /** `commandId`: a seat's id for its command; sent again, the command is answered, not redone. */
  dispatch(sessionId: string, command: Command, actor: Actor, commandId?: string): Promise<CommandResult> {
    const session = this.get(sessionId);
    if (!session) return Promise.resolve({ ok: false, code: 'SESSION_NOT_CREATED', message: 'There is no such session.' });
    return session.dispatch(command, actor, commandId !== undefined ? { commandId } : {});
  }

  close(): void {
    for (const s of this.sessions.values()) s.close();
    this.sessions.clear();
  }
}
