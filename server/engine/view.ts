import type { RiskFactor } from './leak-risk';
import type { Limits } from './limits';
import type { RejectionCode } from './rejection';
import type { ObjectiveOutcome } from './score-share';
import type { ChannelKind, EscalationLevel, Issue, Precondition, RoleBrief, RoleKind, Scenario, Side } from './scenario';
import type { Author, Broadcast, RoleScore, SessionOptions, SessionStatus, Term, Tip } from './state';
import type { SupportChange } from './support-ledger';

/** What one viewer may see. Every byte sent to a browser is one of these. */

export type Viewer = { kind: 'seat'; seatId: string } | { kind: 'facilitator' } | { kind: 'projector' };

export interface SessionHeader {
  code: string;
  status: SessionStatus;
  locked: boolean;
  scenario: {
    id: string;
    title: string;
    period: string;
    summary: string;
    publicBackground: string;
    sides: Side[];
    issues: Issue[];
    escalation: EscalationLevel[];
    precondition: Precondition | null;
    phases: { id: string; title: string; kind: 'briefing' | 'negotiation'; durationSec: number }[];
  };
  phase: { index: number; id: string; title: string; kind: 'briefing' | 'negotiation'; openChannels: ChannelKind[] } | null;
  deadlineAt: number | null;
  pausedRemainingMs: number | null;
}

export interface SeatSummary {
  id: string;
  name: string;
  roleId: string | null;
  roleTitle: string | null;
  kind: RoleKind | null;
  side: string | null;
  /** Whether this role may sit in a back channel (abilities.ts): whom secret talks can involve. */
  backChannels: boolean;
}

export interface ChannelView {
  id: string;
  kind: ChannelKind;
  side: string | null;
  topic: string | null;
  members: string[];
  invited: string[];
  /** Back channels: who refused their invitation (until invited again). */
  declined: string[];
  exposed: boolean;
  /** Whether the viewer can post there right now. */
  open: boolean;
  /** Back channels only: how exposed the channel feels, never the number. */
  riskLevel: 'low' | 'elevated' | 'high' | null;
  /** Back channels only: what raises its risk (members, usage, time open, investigated, surveilled, repeated, distrust), never the number. */
  riskFactors: RiskFactor[] | null;
  /** The viewer left this channel and only sees what came before. */
  left: boolean;
}

export interface MessageView {
  id: string;
  channelId: string;
  author: Author;
  text: string;
  at: number;
}

export interface ProposalView {
  id: string;
  channelId: string;
  by: string;
  terms: Term[];
  mode: 'exploratory' | 'official';
  counterTo: string | null;
  status: 'open' | 'superseded' | 'concluded' | 'closed';
  /** Sides that stand behind it, in the scenario's order: the proposer's, those that accepted, those whose leader signed. */
  acceptedBySides: string[];
  signedBy: string[];
  at: number;
}

export interface AgreementView {
  announced: boolean;
  announcedAt: number | null;
  /** Terms the viewer may see: all of them for those in on the deal, else public and exposed ones. */
  terms: Term[];
  originExposedFirst: boolean;
}

export interface StoryView {
  id: string;
  journalistId: string;
  headline: string;
  body: string;
  exposed: string | null;
  at: number;
  /** Revealed only when the session has ended. */
  accurate: boolean | null;
}

/** One table's clock (tables keep their own time): what a seat's session header shows, per table for the projector and the facilitator. */
export interface TableClockView {
  phase: SessionHeader['phase'];
  deadlineAt: number | null;
  pausedRemainingMs: number | null;
  /** The table played its last phase and waits for the others. */
  finished: boolean;
}

export interface TableView {
  id: string;
  clock: TableClockView;
  seats: SeatSummary[];
  support: Record<string, number>;
  escalation: number;
  preconditionMet: boolean;
  /** Leaders and envoys of the sides that tested the waters in a back channel: official talks may start without the precondition. */
  preconditionWaived: boolean;
  agreement: AgreementView | null;
  stories: StoryView[];
}

export interface InvitationView {
  channelId: string;
  topic: string | null;
  by: string;
  members: string[];
}

/**
 * Whether the viewer may do something now, and if not, the very code and message `decide` would
 * answer (both come from the same check in abilities.ts). The projection has no clock: a deadline
 * that has just passed is not reflected until the server's DeadlineReached, which follows at once.
 */
export type Ability = { ok: true } | { ok: false; code: RejectionCode; message: string };

/** An ability that names people, with the seats it may name (public seats of the viewer's table). */
export type AbilityWithSeats = Ability & { seats: string[] };

/**
 * What a seat can do now. Keyed maps hold only what the seat sees (its channels, its proposals),
 * so `can` tells nothing the rest of the view does not: no secret channel, no secret deal.
 */
export interface SeatAbilities {
  /** By channel id, every channel in `channels`. */
  post: Record<string, Ability>;
  /** By channel id, every channel in `channels`. */
  propose: Record<string, Ability>;
  /** By back-channel id: bring someone in (`seats`: leaders and envoys not in it nor invited). */
  invite: Record<string, AbilityWithSeats>;
  /** By back-channel id. */
  leaveBackChannel: Record<string, Ability>;
  /** `seats`: who may be invited into a new back channel (at least one of another side). */
  openBackChannel: AbilityWithSeats;
  answerInvitation: Ability;
  /** By proposal id, every proposal in `proposals`. */
  accept: Record<string, Ability>;
  sign: Record<string, Ability>;
  announce: Ability;
  renege: Ability;
  /** Null when the scenario has no precondition. */
  fulfilPrecondition: Ability | null;
  investigate: AbilityWithSeats;
  surveil: AbilityWithSeats;
  publishStory: Ability;
  mobilise: Ability;
}

/** A score as a player reads it: out of the role's own maximum, each objective with how it turned out. */
export interface ScoreView {
  seatId: string;
  total: number;
  /** The most this role could score (score-share.ts). */
  max: number;
  /** `total` as a whole percentage of `max`; null for a role with nothing positive to score. */
  share: number | null;
  objectives: { id: string; description: string; points: number; achieved: boolean; outcome: ObjectiveOutcome }[];
}

/** Names a seat's lobby lists; the projector lists everyone. */
export const LOBBY_NAMES_SHOWN = 40;

export interface SeatView {
  kind: 'seat';
  session: SessionHeader;
  me: {
    seatId: string;
    name: string;
    status: 'active' | 'left' | 'kicked';
    tableId: string | null;
    role: {
      id: string; title: string; kind: RoleKind; side: string | null; brief: RoleBrief; objectives: { id: string; description: string; points: number }[];
      /** What the role does, in a sentence (abilities.ts). */
      powers: string;
      /** The most the role can score: the sum of its positive objectives. */
      maxScore: number;
    } | null;
    watching: { kind: 'investigation' | 'surveillance'; target: string; untilPhase: number }[];
    mobilisedThisRound: boolean;
  };
  /**
   * The first LOBBY_NAMES_SHOWN people in the room, in the order they joined, and how many there
   * are: a seat's view (and each join's patch to every seat) does not grow with the room.
   */
  lobby: { id: string; name: string }[];
  lobbyCount: number;
  table: TableView | null;
  channels: ChannelView[];
  messages: MessageView[];
  proposals: ProposalView[];
  invitations: InvitationView[];
  tips: { id: string; form: 'quote' | 'paraphrase'; text: string; at: number; published: boolean }[];
  broadcasts: Broadcast[];
  /**
   * The table's scores, best share first. `max`: the most this seat's role could score, `share`
   * the total as a percentage of it, so roles with different maxima compare (score-share.ts).
   */
  scores: { seatId: string; name: string; total: number; max: number; share: number | null }[] | null;
  myScore: ScoreView | null;
  /** What this seat can do now and why not; null until it is dealt a role at a table. */
  can: SeatAbilities | null;
  /** The engine's limits (message length, topic length, invitees…), for counters and maxlength. */
  limits: Limits;
  debrief: { questions: string[]; whatReallyHappened: string } | null;
  /** Once the session has ended: every move of public support at the seat's table and its cause ("why did my support move?"). */
  supportLedger: SupportChange[] | null;
}

export interface ProjectorView {
  kind: 'projector';
  session: SessionHeader;
  lobby: { id: string; name: string }[];
  /** `frontMessages`: the front channel's last PROJECTOR_LINES lines (project.ts), not its whole history. */
  tables: (TableView & { frontMessages: MessageView[] })[];
  broadcasts: Broadcast[];
  /** Best share first (see SeatView.scores). */
  scores: { seatId: string; name: string; total: number; max: number; share: number | null; tableId: string | null }[] | null;
}


/**
 * The god view, for the facilitator's dashboard: everything that happened, every secret and every
 * risk, built field by field by `project()` like the other views. What is not game content stays
 * out: the seeded generator's state, the secret seed that salts ids, internal counters and
 * membership windows. Split into top-level keys so that a change to one part (a new message) is
 * sent as a small patch, not the whole view.
 */
export interface FacilitatorView {
  kind: 'facilitator';
  session: SessionHeader;
  code: string;
  status: SessionStatus;
  locked: boolean;
  /** The whole scenario, briefs and debrief included: the facilitator runs it. */
  scenario: Scenario;
  options: SessionOptions;
  seats: Record<string, FacilitatorSeat>;
  tables: Record<string, FacilitatorTable>;
  channels: Record<string, FacilitatorChannel>;
  messages: FacilitatorMessage[];
  tips: Record<string, FacilitatorTip>;
  stories: FacilitatorStory[];
  proposals: Record<string, FacilitatorProposal>;
  broadcasts: Broadcast[];
  scores: RoleScore[] | null;
  /** The leak risk of the next message in each back channel, by channel id. */
  risks: Record<string, number>;
  /** The engine's limits, for the dashboard's forms. */
  limits: Limits;
}

export interface FacilitatorSeat {
  id: string;
  name: string;
  status: 'active' | 'left' | 'kicked';
  tableId: string | null;
  roleId: string | null;
}

export interface FacilitatorTable {
  id: string;
  clock: TableClockView;
  support: Record<string, number>;
  escalation: number;
  preconditionMet: boolean;
  agreement: { proposalId: string; concludedAt: number; announcedAt: number | null; originExposedFirst: boolean; exposedSecretIssues: string[] } | null;
  investigations: { by: string; target: string; untilPhase: number }[];
  surveillance: { by: string; target: string; untilPhase: number }[];
  mobilisations: { seatId: string; phase: number }[];
}

export interface FacilitatorChannel {
  id: string;
  tableId: string;
  kind: ChannelKind;
  side: string | null;
  topic: string | null;
  openedBy: string | null;
  /** Back channels: who is in it now, and who was and has left. */
  members: string[];
  formerMembers: string[];
  invited: Record<string, { by: string }>;
  messageCount: number;
  exposed: boolean;
}

export interface FacilitatorMessage extends MessageView {
  tableId: string;
  /** The leak risk the message carried (back channels only). */
  leakRisk: number | null;
}

export interface FacilitatorTip {
  id: string;
  tableId: string;
  form: 'quote' | 'paraphrase';
  text: string;
  recipients: string[];
  source: Tip['source'];
  manual: boolean;
  at: number;
}

export interface FacilitatorStory {
  id: string;
  tableId: string;
  journalistId: string;
  headline: string;
  body: string;
  tipId: string | null;
  exposed: string | null;
  accurate: boolean | null;
  supportDelta: Record<string, number>;
  at: number;
}

export interface FacilitatorProposal extends ProposalView {
  tableId: string;
}

export type View = SeatView | ProjectorView | FacilitatorView;
