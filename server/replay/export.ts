import { z } from 'zod';
import { eventAt, evolve, initialState, project, type GameEvent, type GameEventType, type GameState } from '../engine';
import { newId, newRoomCode } from '../runtime/codes';
import { parseScenario } from '../scenarios/schema';
import type { Stores } from '../stores/ports';
import type { ReplayLog } from './history';
import { EXPORT_FORMAT, EXPORT_VERSION } from './types';

/** Every event type the engine writes; the check below fails to compile if one is missing. */
export const EVENT_TYPES = [
  'SessionCreated', 'PlayerJoined', 'PlayerLeft', 'PlayerKicked', 'RoomLocked', 'SeatsDealt', 'SeatMoved', 'SeatsSwapped', 'SessionStarted',
  'PhaseStarted', 'DeadlineSet', 'ClockPaused', 'ClockResumed', 'EscalationRaised', 'SessionEnded', 'MessagePosted', 'BackChannelOpened',
  'BackChannelInvited', 'InvitationAnswered', 'BackChannelLeft', 'LeakOccurred', 'InvestigationStarted', 'SurveillanceStarted', 'StoryPublished',
  'SpoilerMobilised', 'PreconditionFulfilled', 'ProposalMade', 'ProposalAccepted', 'ProposalSigned', 'AgreementConcluded', 'AgreementAnnounced',
  'LegitimacyGained', 'AgreementReneged', 'BroadcastSent', 'TableFinished', 'SeatReplaced',
] as const satisfies readonly GameEventType[];
type Missing = Exclude<GameEventType, (typeof EVENT_TYPES)[number]>;
const allTypesListed: [Missing] extends [never] ? true : false = true;
void allTypesListed;

/** Most events one file may carry: about ten times a long class's log. */
export const MAX_IMPORT_EVENTS = 200_000;

/**
 * The exported file (docs/export.md). The envelope is strict; each event is checked for its type
 * here, then for everything else by folding the whole log with the engine's `evolve`, which
 * refuses any event naming what does not exist, and by validating the scenario it carries.
 */
export const exportSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.number().int().nonnegative(),
  session: z.strictObject({
    id: z.string().min(1).max(64),
    code: z.string().min(1).max(16),
    scenarioId: z.string().min(1).max(120),
    status: z.enum(['lobby', 'running', 'ended']),
    createdAt: z.number().int().nonnegative(),
  }),
  events: z
    .array(z.strictObject({ seq: z.number().int().min(1), event: z.looseObject({ type: z.enum(EVENT_TYPES) }) }))
    .min(1)
    .max(MAX_IMPORT_EVENTS),
});

export type ExportFile = z.infer<typeof exportSchema>;

export function exportLog(log: ReplayLog, session: { id: string; code: string; scenarioId: string; status: string; createdAt: number }, now: number): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now,
    session: { id: session.id, code: session.code, scenarioId: session.scenarioId, status: session.status as 'lobby' | 'running' | 'ended', createdAt: session.createdAt },
    events: log.events.map((e) => ({ seq: e.seq, event: e.event as unknown as { type: (typeof EVENT_TYPES)[number] } })),
  };
}

export class ImportError extends Error {
  constructor(readonly code: 'INVALID_EXPORT' | 'INVALID_LOG' | 'NOT_FINISHED' | 'UNKNOWN_FACILITATOR', message: string) {
    super(message);
  }
}

/** Checks a file and folds it: the events it carries, once they are known to replay. */
export function checkImport(input: unknown): { events: GameEvent[]; final: GameState } {
  const parsed = exportSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ImportError('INVALID_EXPORT', `This is not an exported Backchannel log: ${issue ? `${issue.path.join('.') || 'the file'}: ${issue.message}` : 'it does not match the format'}.`);
  }
  const list = parsed.data.events;
  list.forEach((e, i) => {
    if (e.seq !== i + 1) throw new ImportError('INVALID_LOG', `The events must be numbered 1, 2, 3…; event ${i + 1} has number ${e.seq}.`);
  });
  const events = list.map((e) => e.event as unknown as GameEvent);
  const first = events[0]!;
  if (first.type !== 'SessionCreated') throw new ImportError('INVALID_LOG', 'The log must begin with the session’s creation.');
  const scenario = parseScenario(first.scenario);
  if (!scenario.ok) throw new ImportError('INVALID_LOG', `The scenario in the log is not valid: ${scenario.errors[0]?.path ?? ''} ${scenario.errors[0]?.message ?? ''}`.trim());
  let state: GameState = initialState();
  try {
    for (const event of events) {
      state = evolve(state, event);
      if (!Number.isFinite(eventAt(event))) throw new Error(`${event.type} has no time`);
    }
    // Every view must build: what the replay will show is checked before anything is stored.
    if (state.created) {
      project(state, { kind: 'facilitator' });
      for (const seatId of Object.keys(state.seats)) project(state, { kind: 'seat', seatId });
    }
  } catch (error) {
    throw new ImportError('INVALID_LOG', `The log does not replay: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!state.created || state.status !== 'ended') throw new ImportError('NOT_FINISHED', 'Only a finished session can be imported: this log does not end.');
  return { events, final: state };
}

/**
 * Stores an imported log as a new finished session of this facilitator. The events are stored as
 * they came, so the replay is the same; only the session's id and room code are new here.
 */
export async function importLog(stores: Pick<Stores, 'replays'>, facilitatorId: string, input: unknown, now: number): Promise<{ sessionId: string; code: string }> {
  const { events, final } = checkImport(input);
  if (!final.created) throw new ImportError('INVALID_LOG', 'The log creates no session.');
  const sessionId = newId('ses');
  const createdAt = eventAt(events[0]!);
  // A fresh room code; the store says when one is taken (another session has it), and another is tried.
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = newRoomCode();
    const stored = await stores.replays.importSession({ id: sessionId, code, facilitatorId, scenarioId: final.scenario.id, status: 'ended', createdAt }, events, now);
    if (stored.ok) return { sessionId, code };
    if (stored.code === 'UNKNOWN_FACILITATOR') throw new ImportError('UNKNOWN_FACILITATOR', 'Your account no longer exists.');
  }
  throw new Error('could not find a free room code');
}
