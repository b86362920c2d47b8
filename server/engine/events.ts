import type { Scenario } from './scenario';
import type { Author, Broadcast, RoleScore, SessionOptions, Story, Term, Tip } from './state';

/**
 * Everything that happened, as data. Events carry every result of a decision (ids, random
 * draws with the generator state after them, support deltas), so `evolve` only applies them
 * and a replay never needs `decide`.
 */
export type GameEvent =
  | { type: 'SessionCreated'; code: string; scenario: Scenario; options: SessionOptions; seed: number; at: number }
  | { type: 'PlayerJoined'; seatId: string; name: string; at: number }
  | { type: 'PlayerLeft'; seatId: string; at: number }
  | { type: 'PlayerKicked'; seatId: string; at: number }
  | { type: 'RoomLocked'; locked: boolean; at: number }
  | { type: 'SeatsDealt'; tableIds: string[]; assignments: { seatId: string; tableId: string; roleId: string }[]; rng: number; at: number }
  | { type: 'SeatMoved'; seatId: string; tableId: string; roleId: string; at: number }
  | { type: 'SeatsSwapped'; seatA: string; seatB: string; at: number }
  /** The seat (role, history, channels) passes to a newcomer by `name`; `fromSeatId` is the waiting seat they leave, if any. */
  | { type: 'SeatReplaced'; seatId: string; name: string; fromSeatId: string | null; at: number }
  | { type: 'SessionStarted'; at: number }
  // Clock events name the table whose clock they move; without a tableId they move every table's.
  | { type: 'PhaseStarted'; phaseIndex: number; rng: number | null; at: number; tableId?: string }
  | { type: 'DeadlineSet'; at: number; deadlineAt: number; tableId?: string }
  | { type: 'ClockPaused'; remainingMs: number; at: number; tableId?: string }
  | { type: 'ClockResumed'; at: number; tableId?: string }
  /** The table played its last phase (the session ends when every table has); `rng` after the deadline's draws. */
  | { type: 'TableFinished'; tableId: string; rng: number | null; at: number }
  | { type: 'EscalationRaised'; tableId: string; by: number; level: number; reason: string; at: number }
  | { type: 'SessionEnded'; scores: RoleScore[]; rng: number | null; at: number }
  | { type: 'MessagePosted'; messageId: string; tableId: string; channelId: string; author: Author; text: string; leakRisk: number | null; rng: number | null; at: number }
  | { type: 'BackChannelOpened'; channelId: string; tableId: string; by: string; topic: string; invitees: string[]; at: number }
  | { type: 'BackChannelInvited'; channelId: string; seatId: string; by: string; at: number }
  | { type: 'InvitationAnswered'; channelId: string; seatId: string; accepted: boolean; at: number }
  | { type: 'BackChannelLeft'; channelId: string; seatId: string; at: number }
  | { type: 'LeakOccurred'; tip: Tip; rng: number | null }
  | { type: 'InvestigationStarted'; tableId: string; by: string; target: string; untilPhase: number; at: number }
  | { type: 'SurveillanceStarted'; tableId: string; by: string; target: string; untilPhase: number; at: number }
  | { type: 'StoryPublished'; story: Story; exposedChannelId: string | null; exposedSecretIssue: string | null }
  | { type: 'SpoilerMobilised'; tableId: string; seatId: string; supportDelta: Record<string, number>; at: number }
  | { type: 'PreconditionFulfilled'; tableId: string; by: string; supportDelta: Record<string, number>; at: number }
  | { type: 'ProposalMade'; proposalId: string; tableId: string; channelId: string; by: string; terms: Term[]; mode: 'exploratory' | 'official'; counterTo: string | null; leakRisk: number | null; rng: number | null; at: number }
  | { type: 'ProposalAccepted'; proposalId: string; by: string; side: string; at: number }
  | { type: 'ProposalSigned'; proposalId: string; by: string; at: number }
  | { type: 'AgreementConcluded'; tableId: string; proposalId: string; at: number }
  | { type: 'AgreementAnnounced'; tableId: string; proposalId: string; supportDelta: Record<string, number>; originExposedFirst: boolean; at: number }
  | { type: 'LegitimacyGained'; tableId: string; supportDelta: Record<string, number>; at: number }
  | { type: 'AgreementReneged'; tableId: string; proposalId: string; by: string; side: string; supportDelta: Record<string, number>; at: number }
  | { type: 'BroadcastSent'; broadcast: Broadcast; supportDelta: Record<string, number> | null; escalation: number | null };

export type GameEventType = GameEvent['type'];

/** When an event happened, whatever its shape. */
export function eventAt(event: GameEvent): number {
  switch (event.type) {
    case 'LeakOccurred':
      return event.tip.at;
    case 'StoryPublished':
      return event.story.at;
    case 'BroadcastSent':
      return event.broadcast.at;
    default:
      return event.at;
  }
}
