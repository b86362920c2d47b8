import { randomInt } from 'node:crypto';
import { DEFAULT_OPTIONS, evolve, initialState, type Actor, type GameState, type Command, type Scenario, type SessionOptions } from '../engine';
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
  /**
   * Several nodes (server/cluster): resolves true once this node holds the session's lease, taking
   * it over from its owner if need be. A session is loaded, and a new one created, only after. Without
   * it this process is the only one and owns every session.
   */
  claim?: (sessionId: string) => Promise<boolean>;
  /** Several nodes: whether this node still holds the lease (checked again once a session is loaded). */
  owns?: (sessionId: string) => boolean;
  /** Rebuild every live session at start (one node). Several nodes leave that to their lease sweeper. */
  loadLiveAtStart?: boolean;
}

/** Another node owns the session and did not hand it over in time: the caller should try again. */
export class SessionElsewhere extends Error {
  readonly code = 'BUSY';
  constructor(readonly sessionId: string) {
    super(`session ${sessionId} is served by another node right now; try again in a moment`);
  }
}

export type ReplaceResult = { ok: true; seatId: string; token: string | null } | Extract<CommandResult, { ok: false }>;
export type JoinResult = { ok: true; seatId: string; token: string; sessionId: string } | Extract<CommandResult, { ok: false }>;

/** All live sessions of this server, rebuilt from the event log at start. */
export class Runtime {
  private sessions = new Map<string, SessionRuntime>();
  /** Sessions being rebuilt from their log on first use, so two callers share one rebuild. */
  private loading = new Map<string, Promise<SessionRuntime | undefined>>();
  private listeners = new Set<Listener>();
  private dropListeners = new Set<(sessionId: string) => void>();

  constructor(private readonly deps: RuntimeDeps) {}

  /** Rebuilds every live session; a deadline that passed while the server was down fires at once. */
  async start(): Promise<number> {
    if (this.deps.loadLiveAtStart === false) return 0;
    const live = await this.deps.store.liveSessions();
    for (const record of live) await this.open(record).load();
    return live.length;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A session in memory from now on (created, or live at start). */
  private open(record: Pick<SessionRecord, 'id'>): SessionRuntime {
    const runtime = this.build(record.id);
    this.sessions.set(record.id, runtime);
    return runtime;
  }

  private build(sessionId: string): SessionRuntime {
    return new SessionRuntime(sessionId, this.deps.store, this.deps.clock, this.deps.scheduler, (c) => {
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
  }

  async createSession(input: { facilitatorId: string; scenario: Scenario; options?: Partial<SessionOptions> }): Promise<SessionRecord> {
    const id = newId('ses');
    let record: SessionRecord | undefined;
    for (let attempt = 0; attempt < 20 && !record; attempt++) {
      const candidate: SessionRecord = { id, code: newRoomCode(), facilitatorId: input.facilitatorId, scenarioId: input.scenario.id, status: 'lobby', createdAt: this.deps.clock.now() };
      if (await this.deps.store.findSession({ code: candidate.code })) continue;
      await this.deps.store.createSession(candidate);
      record = candidate;
    }
    if (!record) throw new Error('could not find a free room code');
    if (this.deps.claim && !(await this.deps.claim(record.id))) throw new SessionElsewhere(record.id);
    const session = this.open(record);
    const options: SessionOptions = { ...DEFAULT_OPTIONS, ...input.options };
    // A secret random seed, recorded in the log (so replays are exact) and never sent to players:
    // anyone who knew it could replay the leak rolls.
    const seed = randomInt(0, 2 ** 31);
    const result = await session.dispatch({ type: 'CreateSession', code: record.code, scenario: input.scenario, options, seed }, { kind: 'system' });
    if (!result.ok) throw new Error(`session creation rejected: ${result.message}`);
    return record;
  }

  /** The facilitator who runs a session (it changes hands when an admin removes an account). */
  async ownerOf(sessionId: string): Promise<string | undefined> {
    return (await this.deps.store.findSession({ id: sessionId }))?.facilitatorId;
  }

  listSessions(facilitatorId: string | null): Promise<SessionRecord[]> {
    return this.deps.store.listSessions(facilitatorId);
  }

  /** A session by id; one not loaded at start (an ended session) is rebuilt from its log on first use. */
  get(sessionId: string): Promise<SessionRuntime | undefined> {
    const loaded = this.sessions.get(sessionId);
    if (loaded) return Promise.resolve(loaded);
    let loading = this.loading.get(sessionId);
    if (!loading) {
      loading = (async () => {
        try {
          const record = await this.deps.store.findSession({ id: sessionId });
          if (!record) return undefined;
          // Another caller may have created or loaded it meanwhile.
          const existing = this.sessions.get(sessionId);
          if (existing) return existing;
          if (this.deps.claim && !(await this.deps.claim(sessionId))) throw new SessionElsewhere(sessionId);
          if (this.sessions.has(sessionId)) return this.sessions.get(sessionId);
          const session = this.build(sessionId);
          await session.load();
          // Handed over (or the lease lost) while the log was being read: not ours to run.
          if (this.deps.owns && !this.deps.owns(sessionId)) {
            session.close();
            throw new SessionElsewhere(sessionId);
          }
          if (this.sessions.has(sessionId)) {
            session.close();
            return this.sessions.get(sessionId);
          }
          this.sessions.set(sessionId, session);
          return session;
        } finally {
          this.loading.delete(sessionId);
        }
      })();
      this.loading.set(sessionId, loading);
    }
    return loading;
  }

  /**
   * A session's state to read, not to run: the one in memory if this node hosts it; with several
   * nodes, else folded from the store without claiming it (a list of sessions must not pull every
   * session to the node that shows it).
   */
  async read(sessionId: string): Promise<GameState | undefined> {
    const loaded = this.sessions.get(sessionId);
    if (loaded) return loaded.current;
    if (!this.deps.claim) return (await this.get(sessionId))?.current;
    if (!(await this.deps.store.findSession({ id: sessionId }))) return undefined;
    return (await this.deps.store.load(sessionId)).reduce<GameState>((s, e) => evolve(s, e.event), initialState());
  }

  /** A session's record by its room code, without loading or claiming the session. */
  recordByCode(code: string): Promise<SessionRecord | undefined> {
    return this.deps.store.findSession({ code });
  }

  /** A session already in memory (live, or read since start): what code that holds a socket of it needs. */
  loaded(sessionId: string): SessionRuntime | undefined {
    return this.sessions.get(sessionId);
  }

  async findByCode(code: string): Promise<{ record: SessionRecord; session: SessionRuntime } | undefined> {
    const record = await this.deps.store.findSession({ code });
    const session = record ? await this.get(record.id) : undefined;
    return record && session ? { record, session } : undefined;
  }

  /** A student joins with a display name and receives the token that brings them back to the seat. */
  async join(sessionId: string, name: string): Promise<JoinResult> {
    const session = await this.get(sessionId);
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
    const session = await this.get(sessionId);
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

  seatForToken(sessionId: string, token: string): Promise<string | undefined> {
    return this.deps.store.seatForToken(sessionId, hashToken(token));
  }

  /** `commandId`: a seat's id for its command; sent again, the command is answered, not redone. */
  async dispatch(sessionId: string, command: Command, actor: Actor, commandId?: string): Promise<CommandResult> {
    const session = this.sessions.get(sessionId) ?? (await this.get(sessionId));
    if (!session) return { ok: false, code: 'SESSION_NOT_CREATED', message: 'There is no such session.' };
    return session.dispatch(command, actor, commandId !== undefined ? { commandId } : {});
  }

  /** Stops a session and drops it from memory (its data is being deleted); later commands find no session. */
  forget(sessionId: string): void {
    this.sessions.get(sessionId)?.close();
    this.sessions.delete(sessionId);
  }

  /** The sessions held in memory, for the lease keeper. */
  loadedIds(): string[] {
    return [...this.sessions.keys()];
  }

  /** Told when a session leaves this node (handed over or its lease lost), to close its sockets. */
  onDropped(listener: (sessionId: string) => void): () => void {
    this.dropListeners.add(listener);
    return () => this.dropListeners.delete(listener);
  }

  /**
   * Lets a session go to another node: no new command is decided, those decided are stored and
   * answered, then it leaves memory and its sockets are closed (they reconnect through the proxy).
   */
  async drop(sessionId: string): Promise<void> {
    const session = this.sessions.get(sessionId);
    if (!session) return;
    session.close();
    await session.drained();
    if (this.sessions.get(sessionId) === session) this.sessions.delete(sessionId);
    for (const l of this.dropListeners) {
      try {
        l(sessionId);
      } catch (error) {
        this.deps.log?.error(`a drop listener failed for session ${sessionId}`, error);
      }
    }
  }

  close(): void {
    for (const s of this.sessions.values()) s.close();
    this.sessions.clear();
  }
}
