import type { GameEvent } from './events';
import { roleOf } from './queries';
import type { ActiveGame, Seat } from './state';

/** What moved a side's public support. */
export type SupportCause = 'story' | 'announcement' | 'precondition' | 'mobilisation' | 'legitimacy' | 'renege' | 'inject' | 'broadcast';

/**
 * One move of one side's public support at one table, recorded by `evolve` as it applies it, so
 * the end screen can answer "why did my support move?" from the state alone.
 */
export interface SupportEntry {
  at: number;
  tableId: string;
  side: string;
  /** As applied: `after - before` (support is clamped to 0–100). */
  delta: number;
  before: number;
  after: number;
  cause: SupportCause;
  /** What caused it: the story, the seat that mobilised, the deal, the broadcast… */
  ref: { storyId?: string; tipId?: string; seatId?: string; proposalId?: string; broadcastId?: string };
}

/** A support move as a viewer may read it: with a sentence saying why. */
export interface SupportChange extends SupportEntry {
  label: string;
}

type Ref = SupportEntry['ref'];

function causeOf(event: GameEvent): { cause: SupportCause; ref: Ref; at: number } | null {
  switch (event.type) {
    case 'StoryPublished':
      return { cause: 'story', ref: { storyId: event.story.id, ...(event.story.tipId ? { tipId: event.story.tipId } : {}) }, at: event.story.at };
    case 'AgreementAnnounced':
      return { cause: 'announcement', ref: { proposalId: event.proposalId }, at: event.at };
    case 'PreconditionFulfilled':
      return { cause: 'precondition', ref: { seatId: event.by }, at: event.at };
    case 'SpoilerMobilised':
      return { cause: 'mobilisation', ref: { seatId: event.seatId }, at: event.at };
    case 'LegitimacyGained':
      return { cause: 'legitimacy', ref: {}, at: event.at };
    case 'AgreementReneged':
      return { cause: 'renege', ref: { seatId: event.by, proposalId: event.proposalId }, at: event.at };
    case 'BroadcastSent':
      return { cause: event.broadcast.kind === 'news' || event.broadcast.kind === 'intelligence' ? 'inject' : 'broadcast', ref: { broadcastId: event.broadcast.id }, at: event.broadcast.at };
    default:
      return null;
  }
}

/** The entries one event's support delta makes at one table (sides it asked to move, even if clamping held them). */
export function supportEntries(event: GameEvent, tableId: string, delta: Record<string, number>, before: Record<string, number>, after: Record<string, number>): SupportEntry[] {
  const cause = causeOf(event);
  if (!cause) return [];
  return Object.entries(delta)
    .filter(([, d]) => d !== 0)
    .map(([side]) => ({ at: cause.at, tableId, side, delta: (after[side] ?? 0) - (before[side] ?? 0), before: before[side] ?? 0, after: after[side] ?? 0, cause: cause.cause, ref: cause.ref }));
}

/**
 * The sentence for one entry. `seat` null: the facilitator, who may read who did what; a seat
 * reads only what its screen showed (public stories, broadcasts it received) and never who
 * mobilised or reneged in secret.
 */
export function describeSupportEntry(game: ActiveGame, entry: SupportEntry, seat: Seat | null): SupportChange {
  const title = (seatId: string | undefined) => {
    const s = seatId ? game.seats[seatId] : undefined;
    const role = s ? roleOf(game, s)?.title : undefined;
    return s ? `${role ?? 'a player'} (${s.name})` : 'a player';
  };
  const story = entry.ref.storyId ? game.stories.find((s) => s.id === entry.ref.storyId) : undefined;
  const broadcast = entry.ref.broadcastId ? game.broadcasts.find((b) => b.id === entry.ref.broadcastId) : undefined;
  const side = seat ? (roleOf(game, seat)?.side ?? null) : null;
  const seesBroadcast = broadcast !== undefined && (seat === null || broadcast.audience === 'all' || broadcast.audience === side);
  let label: string;
  let ref: Ref = entry.ref;
  switch (entry.cause) {
    case 'story':
      label = story ? `A story was published: “${story.headline}”` : 'A story was published';
      break;
    case 'announcement':
      label = 'The agreement was announced';
      break;
    case 'precondition':
      label = seat ? 'The precondition for official talks was met' : `The precondition for official talks was met by ${title(entry.ref.seatId)}`;
      break;
    case 'mobilisation':
      label = seat ? 'Spoilers rallied the public' : `${title(entry.ref.seatId)} rallied the public`;
      break;
    case 'legitimacy':
      label = 'The announced deal gained legitimacy over time';
      break;
    case 'renege':
      label = seat ? 'A leader went back on a signed deal' : `${title(entry.ref.seatId)} reneged on a signed deal`;
      break;
    case 'inject':
    case 'broadcast':
      label = seesBroadcast && broadcast ? `News: “${broadcast.title}”` : 'News from beyond the table';
      break;
    default: {
      const unreachable: never = entry.cause;
      label = unreachable;
    }
  }
  if (seat) ref = { ...(story ? { storyId: story.id } : {}), ...(seesBroadcast && broadcast ? { broadcastId: broadcast.id } : {}) };
  return { ...entry, ref, label };
}

/** The support moves at the seat's table, for its end screen: the causes as the seat may know them. */
export function supportLedgerFor(game: ActiveGame, seat: Seat): SupportChange[] {
  if (!seat.tableId) return [];
  return game.supportLog.filter((e) => e.tableId === seat.tableId).map((e) => describeSupportEntry(game, e, seat));
}
