import { z } from 'zod';
import { CHANNEL_KINDS, LIMITS, type Command } from '../engine';
import { builtInScenarios } from '../scenarios';
import { findAvailable } from '../scenarios/library';
import { normaliseRoomCode } from '../runtime/codes';
import { AppError, facilitatorProcedure, publicProcedure, router, type Context } from './trpc';
import { joinAddress, summarise } from './cockpit';
import { projectorDebrief, projectorDebriefSetting, setProjectorDebrief } from './projector-debrief';

const id = z.string().min(1).max(64);
const sessionInput = z.strictObject({ sessionId: id });

const optionsInput = z.strictObject({
  leakSensitivity: z.number().min(0).max(5).default(1),
  phaseDurations: z.record(z.string().max(40), z.number().int().min(5).max(7200)).default({}),
  openChannels: z.record(z.string().max(40), z.array(z.enum(CHANNEL_KINDS)).max(4)).default({}),
  tableCount: z.number().int().min(1).max(50).nullable().default(null),
  /** Most players in the room at once; null sizes it from the tables (the engine's maxSeatsOf). */
  maxSeats: z.number().int().min(1).max(1000).nullable().default(null),
});

type FacilitatorCtx = Context & { facilitator: NonNullable<Context['facilitator']> };

/** The session, if this facilitator runs it (admins run all); another's session looks like none. */
async function ownSession(ctx: FacilitatorCtx, sessionId: string) {
  const session = await ctx.runtime.get(sessionId);
  const owner = await ctx.runtime.ownerOf(sessionId);
  if (!owner || !session || (owner !== ctx.facilitator.id && !ctx.facilitator.isAdmin)) {
    throw new AppError('UNKNOWN_SESSION', 'You have no such session.', 'NOT_FOUND');
  }
  return session;
}

async function run(ctx: FacilitatorCtx, sessionId: string, command: Command) {
  await ownSession(ctx, sessionId);
  const result = await ctx.runtime.dispatch(sessionId, command, { kind: 'facilitator' });
  if (!result.ok) throw new AppError(result.code, result.message, result.code === 'NOT_ALLOWED' ? 'FORBIDDEN' : 'BAD_REQUEST');
  return { ok: true as const, events: result.events.length };
}

/** A procedure that turns its input into one facilitator command on one session. */
function command<S extends z.ZodRawShape>(shape: S, toCommand: (input: z.infer<z.ZodObject<S>>) => Command) {
  return facilitatorProcedure
    .input(z.strictObject({ sessionId: id, ...shape }))
    .mutation(({ ctx, input }) => {
      const parsed = input as unknown as { sessionId: string } & z.infer<z.ZodObject<S>>;
      return run(ctx, parsed.sessionId, toCommand(parsed));
    });
}

const text = (max: number) => z.string().min(1).max(max);
const table = (i: { tableId?: string | undefined }) => (i.tableId ? { tableId: i.tableId } : {});

export const sessionRouter = router({
  scenarios: facilitatorProcedure.query(() => builtInScenarios().map((s) => ({ id: s.id, title: s.title, period: s.period, summary: s.summary }))),

  /** `scenarioId` is a built-in id or the ref of an upload this facilitator may use. */
  create: facilitatorProcedure.input(z.strictObject({ scenarioId: z.string().min(1).max(120), options: optionsInput.default(optionsInput.parse({})) })).mutation(async ({ ctx, input }) => {
    const scenario = await findAvailable(ctx.stores.scenarios, ctx.facilitator.id, input.scenarioId);
    if (!scenario) throw new AppError('UNKNOWN_SCENARIO', `There is no scenario “${input.scenarioId}”.`, 'NOT_FOUND');
    const record = await ctx.runtime.createSession({ facilitatorId: ctx.facilitator.id, scenario, options: input.options });
    return { sessionId: record.id, code: record.code, joinPath: `/play/${record.code}` };
  }),

  /**
   * The facilitator's sessions (an admin's: all), newest first, with what the dashboard lists:
   * status, players and how many are connected, tables, phase, started and ended. Cheap after the
   * first call (sessions stay in memory once read). The dashboard gets the same rows pushed on its
   * `sessions` socket (server/realtime/cockpit-push.ts) and does not poll this.
   */
  list: facilitatorProcedure.query(async ({ ctx }) => {
    const records = await ctx.runtime.listSessions(ctx.facilitator.isAdmin ? null : ctx.facilitator.id);
    return Promise.all(records.map(async (s) => summarise(s, await ctx.runtime.read(s.id), ctx.connectedSeats(s.id))));
  }),

  /**
   * Which seats have a socket open now, and which are the dashboard's bots: what the lobby and the
   * god view need to offer "replace" for a disconnected student. The god view's socket pushes it too.
   */
  presence: facilitatorProcedure.input(sessionInput).query(async ({ ctx, input }) => {
    await ownSession(ctx, input.sessionId);
    return { connected: [...ctx.connectedSeats(input.sessionId)].sort(), bots: ctx.bots.list(input.sessionId).map((b) => b.seatId) };
  }),

  /** The join address, and whether students' devices can reach it (with advice when they cannot). */
  joinAddress: facilitatorProcedure.query(({ ctx }) => joinAddress(ctx.joinOrigin())),

  lock: command({ locked: z.boolean() }, (i) => ({ type: 'SetLocked', locked: i.locked })),
  deal: command({ tableCount: z.number().int().min(1).max(50).optional() }, (i) => ({ type: 'DealSeats', ...(i.tableCount ? { tableCount: i.tableCount } : {}) })),
  move: command({ seatId: id, tableId: id, roleId: id }, (i) => ({ type: 'MoveSeat', seatId: i.seatId, tableId: i.tableId, roleId: i.roleId })),
  swap: command({ seatA: id, seatB: id }, (i) => ({ type: 'SwapSeats', seatA: i.seatA, seatB: i.seatB })),
  kick: command({ seatId: id }, (i) => ({ type: 'Kick', seatId: i.seatId })),

  /**
   * Gives a dealt seat, with its role and everything it saw, to a waiting player (`{ seatId }`) or
   * to a newcomer by name (`{ name }`). The old occupant's token stops working at once. For a
   * newcomer, `joinPath` (with the new seat token in its #fragment, which browsers never send to
   * a server) is the link to hand over, once.
   */
  replace: facilitatorProcedure
    .input(z.strictObject({ sessionId: id, seatId: id, newcomer: z.union([z.strictObject({ seatId: id }), z.strictObject({ name: z.string().min(1).max(200) })]) }))
    .mutation(async ({ ctx, input }) => {
      const session = await ownSession(ctx, input.sessionId);
      const result = await ctx.runtime.replace(input.sessionId, input.seatId, input.newcomer);
      if (!result.ok) throw new AppError(result.code, result.message, 'BAD_REQUEST');
      const code = session.current.created ? session.current.code : '';
      return { ok: true as const, seatId: result.seatId, joinPath: result.token ? `/play/${code}#seat=${result.token}` : null };
    }),

  /**
   * Server-side bots for this session: `seatIds` hands those dealt seats (say, of students who
   * left) to bots, `count` adds that many bots to the room by name. They play until the session
   * ends or the server stops.
   */
  fillWithBots: facilitatorProcedure
    .input(z.strictObject({ sessionId: id, seatIds: z.array(id).max(60).default([]), count: z.number().int().min(0).max(60).default(0) }))
    .mutation(async ({ ctx, input }) => {
      await ownSession(ctx, input.sessionId);
      if (input.seatIds.length === 0 && input.count === 0) throw new AppError('INVALID_INPUT', 'Choose the seats to give to bots, or how many bots to add.');
      const result = await ctx.bots.fill(input.sessionId, { seatIds: input.seatIds, count: input.count });
      if (!result.ok) throw new AppError(result.code, result.message, 'BAD_REQUEST');
      return { bots: result.bots };
    }),
  bots: facilitatorProcedure.input(sessionInput).query(async ({ ctx, input }) => {
    await ownSession(ctx, input.sessionId);
    return { bots: ctx.bots.list(input.sessionId) };
  }),
  stopBots: facilitatorProcedure.input(sessionInput).mutation(async ({ ctx, input }) => {
    await ownSession(ctx, input.sessionId);
    return { stopped: ctx.bots.stop(input.sessionId) };
  }),
  start: command({}, () => ({ type: 'StartSession' })),
  // The clock: one table with `tableId`, every table without it.
  pause: command({ tableId: id.optional() }, (i) => ({ type: 'Pause', ...table(i) })),
  resume: command({ tableId: id.optional() }, (i) => ({ type: 'Resume', ...table(i) })),
  extend: command({ seconds: z.number().int().min(1).max(LIMITS.extendMaxSeconds), tableId: id.optional() }, (i) => ({ type: 'Extend', seconds: i.seconds, ...table(i) })),
  skip: command({ tableId: id.optional() }, (i) => ({ type: 'Skip', ...table(i) })),
  end: command({}, () => ({ type: 'EndSession' })),
  controlPost: command({ channelId: id, text: text(LIMITS.messageLength) }, (i) => ({ type: 'ControlPost', channelId: i.channelId, text: i.text })),
  broadcast: command({ text: text(LIMITS.messageLength), tableId: id.optional() }, (i) => ({ type: 'ControlBroadcast', text: i.text, ...(i.tableId ? { tableId: i.tableId } : {}) })),
  fireInject: command({ injectId: id, tableId: id.optional() }, (i) => ({ type: 'FireInject', injectId: i.injectId, ...(i.tableId ? { tableId: i.tableId } : {}) })),
  writeInject: command({ title: text(LIMITS.injectTitleLength), body: text(LIMITS.messageLength), audience: id, tableId: id.optional() }, (i) => ({ type: 'WriteInject', title: i.title, body: i.body, audience: i.audience, ...(i.tableId ? { tableId: i.tableId } : {}) })),
  leakMessage: command({ messageId: id, form: z.enum(['quote', 'paraphrase']) }, (i) => ({ type: 'LeakMessage', messageId: i.messageId, form: i.form })),
  plantRumour: command({ tableId: id, text: text(LIMITS.messageLength), to: z.enum(['journalists', 'spoilers', 'both']) }, (i) => ({ type: 'PlantRumour', tableId: i.tableId, text: i.text, to: i.to })),

  /**
   * Puts the debrief on the room screen (/room/CODE) once the session has ended, or takes it off
   * (`show: false`). What it reveals beyond the public outcome is the facilitator's choice: the
   * back channels and their leaks, and the players' names.
   */
  showOnProjector: facilitatorProcedure
    .input(z.strictObject({ sessionId: id, show: z.boolean(), backChannels: z.boolean().default(false), names: z.boolean().default(false) }))
    .mutation(async ({ ctx, input }) => {
      const state = (await ownSession(ctx, input.sessionId)).current;
      if (!state.created || state.status !== 'ended') throw new AppError('SESSION_NOT_ENDED', 'The debrief can go on the room screen once the session has ended.');
      setProjectorDebrief(input.sessionId, input.show ? { backChannels: input.backChannels, names: input.names } : null);
      return { shown: projectorDebriefSetting(input.sessionId) };
    }),
  projectorShow: facilitatorProcedure.input(sessionInput).query(async ({ ctx, input }) => {
    await ownSession(ctx, input.sessionId);
    return { shown: projectorDebriefSetting(input.sessionId) };
  }),
  /**
   * Public, for the room screen: the debrief the facilitator put there, or null (also for a code
   * that opens no room, so this is no way to guess room codes).
   */
  projectorDebrief: publicProcedure.input(z.strictObject({ code: z.string().max(16) })).query(async ({ ctx, input }) => {
    const record = await ctx.runtime.recordByCode(normaliseRoomCode(input.code));
    return record ? projectorDebrief(ctx.stores.events, record) : null;
  }),

  /** Marks the session in the listing; the live god view comes over the socket. */
  get: facilitatorProcedure.input(sessionInput).query(async ({ ctx, input }) => {
    const session = await ownSession(ctx, input.sessionId);
    const state = session.current;
    return state.created ? { sessionId: input.sessionId, code: state.code, status: state.status, scenarioId: state.scenario.id } : null;
  }),
});
