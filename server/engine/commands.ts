import type { Scenario } from './scenario';
import type { SessionOptions, Term } from './state';

/** Who sends a command. Identity always comes from the session, never from a payload. */
export type Actor =
  | { kind: 'guest' }
  | { kind: 'seat'; seatId: string }
  | { kind: 'facilitator' }
  | { kind: 'system' };

export interface Meta {
  now: number;
  actor: Actor;
}

export type Command =
  // session and lobby
  | { type: 'CreateSession'; code: string; scenario: Scenario; options: SessionOptions; seed: number }
  | { type: 'Join'; name: string }
  | { type: 'Leave' }
  | { type: 'SetLocked'; locked: boolean }
  | { type: 'DealSeats'; tableCount?: number }
  | { type: 'MoveSeat'; seatId: string; tableId: string; roleId: string }
  | { type: 'SwapSeats'; seatA: string; seatB: string }
  | { type: 'Kick'; seatId: string }
  /** Gives a dealt seat (its role and history) to a waiting player or to a newcomer by name. */
  | { type: 'ReplaceSeat'; seatId: string; newcomer: { seatId: string } | { name: string } }
  | { type: 'StartSession' }
  // the clock: each table has its own; without a tableId a command applies to every table
  | { type: 'DeadlineReached'; tableId?: string }
  | { type: 'Pause'; tableId?: string }
  | { type: 'Resume'; tableId?: string }
  | { type: 'Extend'; seconds: number; tableId?: string }
  | { type: 'Skip'; tableId?: string }
  | { type: 'EndSession' }
  // talking
  | { type: 'PostMessage'; channelId: string; text: string }
  | { type: 'OpenBackChannel'; inviteeIds: string[]; topic: string }
  | { type: 'InviteToBackChannel'; channelId: string; seatId: string }
  | { type: 'AnswerInvitation'; channelId: string; accept: boolean }
  | { type: 'LeaveBackChannel'; channelId: string }
  // press and spoilers
  | { type: 'Investigate'; seatId: string }
  | { type: 'Surveil'; seatId: string }
  | { type: 'PublishStory'; headline: string; body: string; tipId?: string }
  | { type: 'Mobilise' }
  // agreements
  | { type: 'FulfilPrecondition' }
  | { type: 'Propose'; channelId: string; terms: Term[]; mode: 'exploratory' | 'official'; counterTo?: string }
  | { type: 'AcceptProposal'; proposalId: string }
  | { type: 'SignProposal'; proposalId: string }
  | { type: 'AnnounceAgreement' }
  | { type: 'RenegeAgreement' }
  // facilitator powers
  | { type: 'ControlPost'; channelId: string; text: string }
  | { type: 'ControlBroadcast'; text: string; tableId?: string }
  | { type: 'FireInject'; injectId: string; tableId?: string }
  | { type: 'WriteInject'; title: string; body: string; audience: string; tableId?: string }
  | { type: 'LeakMessage'; messageId: string; form: 'quote' | 'paraphrase' }
  | { type: 'PlantRumour'; tableId: string; text: string; to: 'journalists' | 'spoilers' | 'both' };

export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/** Limits that the engine enforces whatever the adapter in front of it does. */
export const LIMITS = {
  nameLength: 40,
  messageLength: 2000,
  topicLength: 120,
  headlineLength: 140,
  storyLength: 2000,
  injectTitleLength: 140,
  backChannelMembers: 8,
  extendMaxSeconds: 3600,
} as const;
