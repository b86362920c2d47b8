// The replay API's contract: what the debrief pages, the class link and the exports receive.
// Imported by the UI as types only. Every payload is built from the folded event log, so the
// debrief shows exactly what the live game had. Times are ms since the epoch; `seq` is the
// stored event number (1, 2, 3… per session) and names a moment of the replay.
import type { ChannelKind, FacilitatorView, RiskNumbers, RoleKind, SeatView, SessionStatus, SupportCause, SupportChange, Term } from '../engine';

/** Whose eyes the replay looks through: everything, one table's everything, or one seat's screen. */
export type Perspective = { kind: 'all' } | { kind: 'table'; tableId: string } | { kind: 'seat'; seatId: string };

export type MarkerKind = 'leak' | 'story' | 'deadline' | 'inject' | 'proposal' | 'signature' | 'announcement' | 'phase' | 'broadcast' | 'rumour';

/** A moment worth jumping to. `tableId` null: it concerns every table (a phase, a broadcast to all). */
export interface Marker {
  seq: number;
  at: number;
  kind: MarkerKind;
  tableId: string | null;
  label: string;
  /** Proposals, signatures and leaks: the kind of channel the text was said in. */
  channelKind?: ChannelKind | null;
  /** Broadcasts and injects: 'all' or the side that received it. */
  audience?: string;
}

export interface ReplaySeat {
  seatId: string;
  /** The student's display name (the facilitator's views only; the class link may anonymise it). */
  name: string;
  roleId: string;
  role: string;
  kind: RoleKind;
  side: string | null;
  sideName: string | null;
}

export interface ReplayTable {
  tableId: string;
  /** "Table 1", "Table 2"… in the order the tables were dealt. */
  name: string;
  seats: ReplaySeat[];
}

export interface PhaseSpan {
  index: number;
  id: string;
  title: string;
  kind: 'briefing' | 'negotiation';
  /** The seq of its PhaseStarted event. */
  startSeq: number;
  startedAt: number;
  /** When the next phase started or the session ended; null while it runs. */
  endedAt: number | null;
  /** The phase ended because its deadline came (not skipped or ended by the facilitator). */
  endedByDeadline: boolean;
}

export interface Timeline {
  sessionId: string;
  code: string;
  scenarioId: string;
  scenarioTitle: string;
  status: SessionStatus;
  createdAt: number;
  startedAt: number | null;
  endedAt: number | null;
  eventCount: number;
  /** The first and last seq (the first is 1: the session's creation). */
  firstSeq: number;
  lastSeq: number;
  /**
   * When every event happened, for true-pace playback: event `firstSeq + i` at `from + offsets[i]`
   * (ms). The facilitator's timeline only: the class link and a student's replay, which must not
   * tell when hidden things were said, play between the moments they may see.
   */
  times: { from: number; offsets: number[] };
  sides: { id: string; name: string }[];
  phases: PhaseSpan[];
  markers: Marker[];
  tables: ReplayTable[];
  debriefQuestions: string[];
  whatReallyHappened: string;
  /** The balance harness's strategy picture for this scenario (null for a scenario it does not cover). */
  strategyPicture: StrategyPicture | null;
}

/**
 * The view at one moment. `all`: the facilitator's god view; `table`: the same, restricted to
 * one table; `seat`: exactly what `project()` gave that seat's screen at that moment (null if the
 * seat did not exist yet).
 */
export type ReplayMoment =
  | { seq: number; at: number; perspective: { kind: 'all' }; view: FacilitatorView }
  | { seq: number; at: number; perspective: { kind: 'table'; tableId: string }; view: FacilitatorView }
  | { seq: number; at: number; perspective: { kind: 'seat'; seatId: string }; view: SeatView | null };

/** The numbers that made a back channel's risk, as computed when the text was said: the engine's own record. */
export type RiskBreakdown = RiskNumbers;

export type LeakSourceKind = 'message' | 'proposal' | 'secretTerm' | 'rumour';

export interface LeakTrace {
  tipId: string;
  tableId: string;
  source: LeakSourceKind;
  /** The facilitator leaked it (or planted the rumour) by hand: no roll. */
  manual: boolean;
  /** No journalist at the table: Control's press desk received it and printed it at the next deadline. */
  pressDesk: boolean;
  /** What leaked: the message, the proposal, the secret term, or the rumour's text. */
  origin: {
    seq: number | null;
    at: number | null;
    channelId: string | null;
    channelKind: ChannelKind | null;
    channelTopic: string | null;
    messageId: string | null;
    proposalId: string | null;
    issueId: string | null;
    authorSeatId: string | null;
    text: string;
  };
  /**
   * The roll that leaked it: the risk when it was said, what made it, and the draw (a leak when
   * roll < risk). Null for manual leaks and rumours. `recorded` false: an older log whose events
   * did not carry the numbers, so they were recomputed from the state folded to that moment.
   */
  risk: { value: number; roll: number | null; breakdown: RiskBreakdown | null; recorded: boolean } | null;
  tip: { seq: number; at: number; form: 'quote' | 'paraphrase'; text: string; recipients: string[] };
  story: { seq: number; at: number; storyId: string; journalistId: string; headline: string; body: string; exposed: string | null; accurate: boolean | null } | null;
  published: boolean;
  /** What the story did to public support, by side (as applied, after clamping to 0–100). */
  supportChange: Record<string, number>;
}

/** A support move in the replay: the engine's entry with its label, and the seq of the event that made it. */
export interface ReplaySupportChange extends SupportChange {
  seq: number;
}

export interface ChannelInfo {
  channelId: string;
  tableId: string;
  kind: ChannelKind;
  /** "Front", "Team USA", "Back channel 1: Turkey" … */
  label: string;
}

export interface ReplaySeries {
  startedAt: number | null;
  endedAt: number | null;
  bucketMs: number;
  channels: ChannelInfo[];
  /** One row per minute from the first to the last text; counts by channel id (absent = 0). */
  messagesPerMinute: { at: number; minute: number; counts: Record<string, number> }[];
  /** A point at every change of support or escalation at a table (and one at the start). */
  support: { seq: number; at: number; tableId: string; support: Record<string, number>; escalation: number }[];
  markers: Marker[];
  /** The leak risk each text in a back channel carried when it was said. */
  risk: { seq: number; at: number; tableId: string; channelId: string; risk: number }[];
  /** Who talked to whom: messages and proposals from seat (row) seen by seat (column) at each table. */
  talk: { tableId: string; seatIds: string[]; all: number[][]; back: number[][] }[];
}

export interface TermLabel {
  issueId: string;
  issue: string;
  optionId: string;
  option: string;
  secret: boolean;
  /** Secret terms: a story laid it bare. */
  exposed: boolean;
}

export interface TableComparison {
  tableId: string;
  name: string;
  outcome: 'announced' | 'secret' | 'reneged' | 'none';
  agreement: {
    proposalId: string;
    channelKind: ChannelKind | null;
    terms: TermLabel[];
    concludedAt: number;
    announcedAt: number | null;
    /** When the last signature came, and the deadline in force then. */
    signedAt: number | null;
    deadlineAt: number | null;
    /** The deadline in force when it was announced (null: not announced, or the clock was paused). */
    announcedDeadlineAt: number | null;
  } | null;
  leaks: number;
  stories: number;
  accurateStories: number;
  backChannels: number;
  exposedBackChannels: number;
  escalation: number;
  support: Record<string, number>;
  scores: { seatId: string; name: string; roleId: string; role: string; side: string | null; total: number; max: number }[];
}

export interface RoleComparison {
  roleId: string;
  role: string;
  side: string | null;
  byTable: { tableId: string; seatId: string; name: string; total: number; max: number }[];
}

export interface ReplayComparison {
  tables: TableComparison[];
  roles: RoleComparison[];
}

/** What the facilitator chose to show the class. */
export interface ClassReveal {
  tables: string[] | 'all';
  /** Back channels' members, texts and proposals, secret terms and the leak traces. */
  backChannels: boolean;
  /** Students' names; off: role titles only. */
  names: boolean;
}

export interface ClassLink {
  enabled: boolean;
  /** Unguessable; null until the link is first turned on. */
  token: string | null;
  reveal: ClassReveal;
}

/** A seat as the class link shows it: a name only when names are revealed. */
export interface ClassSeat {
  seatId: string;
  label: string;
  role: string;
  side: string | null;
}

export interface ClassText {
  id: string;
  seq: number;
  at: number;
  channelId: string;
  /** A seat's label or "Control". */
  from: string;
  text: string;
}

export interface ClassTable {
  tableId: string;
  name: string;
  seats: ClassSeat[];
  support: Record<string, number>;
  escalation: number;
  /** Public and exposed terms; every term when back channels are revealed. */
  agreement: { announced: boolean; announcedAt: number | null; terms: TermLabel[] } | null;
  stories: { id: string; at: number; headline: string; body: string; exposed: string | null; accurate: boolean | null }[];
  /** The front channel, and the back channels when revealed (team channels never). */
  channels: { channelId: string; kind: ChannelKind; label: string; members: string[]; exposed: boolean; texts: ClassText[] }[];
  proposals: { id: string; channelId: string; at: number; from: string; mode: 'exploratory' | 'official'; status: string; terms: TermLabel[] }[];
  /** Only when back channels are revealed. */
  leaks: LeakTrace[];
  scores: { label: string; role: string; total: number; max: number }[] | null;
}

export interface ClassView {
  scenarioTitle: string;
  status: SessionStatus;
  reveal: ClassReveal;
  seq: number;
  at: number;
  lastSeq: number;
  sides: { id: string; name: string }[];
  markers: Marker[];
  tables: ClassTable[];
}

/** A student's own seat, replayed: their screen at `seq`, and the moments they may jump to. */
export interface MySeatReplay {
  /** The seat's first moment (when the student joined): earlier moments show this one. */
  firstSeq: number;
  seq: number;
  at: number;
  lastSeq: number;
  markers: Marker[];
  view: SeatView;
}

/** The exported event log's format (docs/export.md). */
export const EXPORT_FORMAT = 'backchannel-event-log';
export const EXPORT_VERSION = 1;

export interface RetentionSetting {
  /** Finished sessions older than this many days are deleted; null keeps them for ever. */
  days: number | null;
}

export type { SupportCause, SupportChange, Term };

/**
 * How scripted ways of negotiating scored in the balance harness for this scenario (core score:
 * both leaders and both main envoys, out of 400), by table size, as docs/balance.md records them.
 */
export interface StrategyPicture {
  source: string;
  sizes: number[];
  strategies: { name: string; description: string; scores: Record<string, number> }[];
  /** The best-scoring strategy at each size. */
  best: Record<string, string>;
}
