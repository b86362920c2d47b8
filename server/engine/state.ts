import type { ChannelKind, RoleKind, Scenario } from './scenario';
import type { AppendList, AppendRecord } from './append-log';
import type { SupportEntry } from './support-ledger';

/** Options a facilitator sets when creating a session. */
export interface SessionOptions {
  /** Multiplies every back-channel message's leak risk (1 = the scenario's rates). */
  leakSensitivity: number;
  /** Overrides of phase lengths, in seconds, by phase id. */
  phaseDurations: Record<string, number>;
  /** Overrides of which channels are open in a phase, by phase id. */
  openChannels: Record<string, ChannelKind[]>;
  /** How many tables to deal into; null lets the engine choose (tables of about six). */
  tableCount: number | null;
  /**
   * Most active seats the room holds; null or absent sizes it from the tables (see maxSeatsOf).
   * Optional so that sessions stored before it existed read the same.
   */
  maxSeats?: number | null;
}

export const DEFAULT_OPTIONS: SessionOptions = {
  leakSensitivity: 1,
  phaseDurations: {},
  openChannels: {},
  tableCount: null,
};

export type SeatStatus = 'active' | 'left' | 'kicked';

export interface Seat {
  id: string;
  name: string;
  status: SeatStatus;
  tableId: string | null;
  roleId: string | null;
}

/**
 * A seat's history in a back channel. A seat sees what was said while it was in the room:
 * messages and proposals whose activity number falls in one of its stays. When it leaves, what
 * the channel looked like at that moment is kept, and a former member's view stays there.
 */
export interface Membership {
  /** Activity numbers [from, to) of each stay; the last stay's `to` is null while the seat is in. */
  stays: { from: number; to: number | null }[];
  /** The channel as the seat last saw it, taken when it left; null while it is in. */
  lastSeen: ChannelSnapshot | null;
}

export interface ChannelSnapshot {
  members: string[];
  invited: string[];
  declined: string[];
  exposed: boolean;
  /** The proposals the seat could see, as they stood. */
  proposals: Record<string, Pick<Proposal, 'status' | 'acceptedBySides' | 'signedBy'>>;
}

export interface Channel {
  id: string;
  tableId: string;
  kind: ChannelKind;
  /** Team channels belong to one side. */
  side: string | null;
  /** Back channels only. */
  topic: string | null;
  openedBy: string | null;
  openedInPhase: number;
  /** Back channels: 1 for the first one opened in the session, 2 for the next…; 0 for the others. */
  seq: number;
  members: Record<string, Membership>;
  invited: Record<string, { by: string }>;
  /** Seats that refused their invitation (and were not invited again since), so the members are told. */
  declined: string[];
  messageCount: number;
  /** A story exposed this back channel to everyone. */
  exposed: boolean;
}

export type Author = { kind: 'seat'; seatId: string } | { kind: 'control' };

export interface Message {
  id: string;
  /** Activity number (messages and proposals share it), used for back-channel membership windows. */
  n: number;
  tableId: string;
  channelId: string;
  author: Author;
  text: string;
  at: number;
  /** Leak risk this message carried (back channels only). */
  leakRisk: number | null;
}

export interface Tip {
  id: string;
  tableId: string;
  form: 'quote' | 'paraphrase';
  text: string;
  recipients: string[];
  /** Origin, never shown to players: the leaked message or secret term, or a planted rumour. */
  source:
    | { kind: 'message'; messageId: string; channelId: string }
    | { kind: 'proposal'; proposalId: string; channelId: string }
    | { kind: 'secretTerm'; proposalId: string; issueId: string }
    | { kind: 'rumour' };
  manual: boolean;
  /** No journalist sits at the table: Control's press desk prints the tip at the next deadline. */
  pressDesk?: boolean;
  at: number;
}

export interface Story {
  id: string;
  tableId: string;
  journalistId: string;
  headline: string;
  body: string;
  tipId: string | null;
  /** What the story laid bare: the quoted message or term, copied into the public record. */
  exposed: string | null;
  accurate: boolean | null;
  supportDelta: Record<string, number>;
  at: number;
}

export interface Term {
  issueId: string;
  optionId: string;
  secret: boolean;
}

export interface Proposal {
  id: string;
  tableId: string;
  channelId: string;
  by: string;
  terms: Term[];
  mode: 'exploratory' | 'official';
  counterTo: string | null;
  status: 'open' | 'superseded' | 'concluded' | 'closed';
  acceptedBySides: string[];
  signedBy: string[];
  /** Activity number when it was made: members who left before then do not see it. */
  atMessage: number;
  at: number;
}

export interface Agreement {
  proposalId: string;
  concludedAt: number;
  announcedAt: number | null;
  /** The back channel it was drafted in was exposed before it was announced. */
  originExposedFirst: boolean;
  exposedSecretIssues: string[];
}

/** The journalist id of stories Control's press desk prints at tables without a journalist. */
export const PRESS_DESK = 'press-desk';

export interface Watch {
  by: string;
  target: string;
  /** Last phase index (inclusive) in which the watch raises risk. */
  untilPhase: number;
}

/**
 * A table's clock. Tables run their phases on their own: the facilitator can pause, extend or
 * skip one table while the others play on, so each has its phase, deadline and pause.
 */
export interface TableClock {
  phaseIndex: number;
  deadlineAt: number | null;
  pausedRemainingMs: number | null;
  /** When the table finished its last phase; it waits for the others, and the session ends when every table has. */
  finishedAt: number | null;
}

export interface TableState {
  id: string;
  clock: TableClock;
  support: Record<string, number>;
  escalation: number;
  preconditionMet: boolean;
  agreement: Agreement | null;
  investigations: Watch[];
  surveillance: Watch[];
  mobilisations: { seatId: string; phase: number }[];
  /** Sides whose leader reneged on a signed secret deal: trust is gone, and every back channel leaks more. */
  reneged: string[];
  /** Support the announced deal has gained so far from legitimacy over time. */
  legitimacy: number;
}

export interface Broadcast {
  id: string;
  /** null: every table. */
  tableId: string | null;
  /** 'all' or a side id. */
  audience: string;
  kind: 'control' | 'news' | 'intelligence' | 'escalation';
  title: string;
  body: string;
  at: number;
}

export interface RoleScore {
  seatId: string;
  total: number;
  objectives: { id: string; description: string; points: number; achieved: boolean }[];
}

export type SessionStatus = 'lobby' | 'running' | 'ended';

export interface ActiveGame {
  created: true;
  code: string;
  scenario: Scenario;
  options: SessionOptions;
  rng: number;
  /** The session's secret seed, kept to salt opaque ids; never projected to players. */
  salt: number;
  status: SessionStatus;
  locked: boolean;
  /**
   * The session's clock as a whole, kept by evolve from the tables' clocks (table-clock.ts): the
   * earliest phase a table still plays, the earliest running deadline, and a pause only when every
   * table is paused. While every table runs in step it is simply their clock. Decisions and views
   * about one table read that table's clock instead (`atTable`).
   */
  phaseIndex: number;
  deadlineAt: number | null;
  pausedRemainingMs: number | null;
  /** When play started and ended, for the facilitator's list of sessions. */
  startedAt: number | null;
  endedAt: number | null;
  seats: Record<string, Seat>;
  tables: Record<string, TableState>;
  channels: Record<string, Channel>;
  /**
   * The histories below are append-only lists (append-log.ts), not arrays, so that evolve adds to
   * them in O(1) without changing older states. Read them with for…of, .length/.count, .at(),
   * .filter/.map/.find/.some, .get(id) for tips, or .toArray()/.values() for a plain copy.
   */
  messages: AppendList<Message>;
  /** Counts messages and proposals together: membership windows are measured on it. */
  activity: number;
  tips: AppendRecord<Tip>;
  stories: AppendList<Story>;
  proposals: Record<string, Proposal>;
  broadcasts: AppendList<Broadcast>;
  scores: RoleScore[] | null;
  /** Every move of public support and its cause, in order: the end screen's "why did my support move?". */
  supportLog: AppendList<SupportEntry>;
}

export type GameState = { created: false } | ActiveGame;

export function initialState(): GameState {
  return { created: false };
}

export type { RoleKind };
