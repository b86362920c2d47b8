import type { GameEvent, GameEventType } from '../engine/events';
import type { GameState } from '../engine/state';

/**
 * Which seats a commit can concern: those at the tables its events name, or every seat. The
 * facilitator and the projector are always projected (one each, and both see every table). A
 * seat outside the scope is not projected at all; a scope too wide costs time, one too narrow
 * would leave a view behind, which the fan-out property test (view-sync.test.ts) would catch.
 */
export type Scope = { all: true } | { all: false; tables: Set<string> };

/**
 * Events that change nothing of who sees which message (no seat comes, goes, moves or changes
 * hands, nobody joins or leaves a back channel): after a commit of only these, a view's message
 * list can only have grown at its end, so the fan-out projects only the messages it has not sent.
 */
const KEEPS_MESSAGE_VISIBILITY = new Set<GameEventType>([
  'PlayerJoined', 'RoomLocked', 'SessionStarted', 'PhaseStarted', 'DeadlineSet', 'ClockPaused', 'ClockResumed', 'TableFinished',
  'EscalationRaised', 'MessagePosted', 'BackChannelOpened', 'BackChannelInvited', 'LeakOccurred', 'InvestigationStarted',
  'SurveillanceStarted', 'StoryPublished', 'SpoilerMobilised', 'PreconditionFulfilled', 'ProposalMade', 'ProposalAccepted',
  'ProposalSigned', 'AgreementConcluded', 'AgreementAnnounced', 'LegitimacyGained', 'AgreementReneged', 'BroadcastSent',
]);

export function keepsMessageVisibility(events: readonly GameEvent[]): boolean {
  return events.every((e) => KEEPS_MESSAGE_VISIBILITY.has(e.type));
}

/** The table an event happens at, or null when it can touch every seat's view. */
function tableOf(event: GameEvent, state: GameState): string | null {
  if (!state.created) return null;
  switch (event.type) {
    case 'PhaseStarted':
    case 'DeadlineSet':
    case 'ClockPaused':
    case 'ClockResumed':
      // Without a table, the clock of every table moves.
      return event.tableId ?? null;
    case 'TableFinished':
    case 'EscalationRaised':
    case 'MessagePosted':
    case 'BackChannelOpened':
    case 'InvestigationStarted':
    case 'SurveillanceStarted':
    case 'SpoilerMobilised':
    case 'PreconditionFulfilled':
    case 'ProposalMade':
    case 'AgreementConcluded':
    case 'AgreementAnnounced':
    case 'LegitimacyGained':
    case 'AgreementReneged':
      return event.tableId;
    case 'BackChannelInvited':
    case 'InvitationAnswered':
    case 'BackChannelLeft':
      return state.channels[event.channelId]?.tableId ?? null;
    case 'ProposalAccepted':
    case 'ProposalSigned':
      return state.proposals[event.proposalId]?.tableId ?? null;
    case 'LeakOccurred':
      return event.tip.tableId;
    case 'StoryPublished':
      return event.story.tableId;
    case 'BroadcastSent':
      return event.broadcast.tableId;
    // Joins, leaves and kicks change every seat's lobby; deals, moves, swaps and hand-overs
    // change tables whose old members the event does not name; the session's start and end,
    // and the room's lock, show in every header.
    default:
      return null;
  }
}

export function scopeOf(events: readonly GameEvent[], state: GameState): Scope {
  const tables = new Set<string>();
  for (const event of events) {
    const table = tableOf(event, state);
    if (table === null) return { all: true };
    tables.add(table);
  }
  return { all: false, tables };
}
