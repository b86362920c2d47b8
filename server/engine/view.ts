import type { RiskFactor } from './leak-risk';
import type { ChannelKind, EscalationLevel, Issue, Precondition, RoleBrief, RoleKind, Side } from './scenario';
import type { Author, Broadcast, RoleScore, SessionStatus, Term } from './state';

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
}

export interface ChannelView {
  id: string;
  kind: ChannelKind;
  side: string | null;
  topic: string | null;
  members: string[];
  invited: string[];
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

export interface TableView {
  id: string;
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

export interface SeatView {
  kind: 'seat';
  session: SessionHeader;
  me: {
    seatId: string;
    name: string;
    status: 'active' | 'left' | 'kicked';
    tableId: string | null;
    role: { id: string; title: string; kind: RoleKind; side: string | null; brief: RoleBrief; objectives: { id: string; description: string; points: number }[] } | null;
    watching: { kind: 'investigation' | 'surveillance'; target: string; untilPhase: number }[];
    mobilisedThisRound: boolean;
  };
  lobby: { id: string; name: string }[];
  table: TableView | null;
  channels: ChannelView[];
  messages: MessageView[];
  proposals: ProposalView[];
  invitations: InvitationView[];
  tips: { id: string; form: 'quote' | 'paraphrase'; text: string; at: number; published: boolean }[];
  broadcasts: Broadcast[];
  scores: { seatId: string; name: string; total: number }[] | null;
  myScore: RoleScore | null;
  debrief: { questions: string[]; whatReallyHappened: string } | null;
}

export interface ProjectorView {
  kind: 'projector';
  session: SessionHeader;
  lobby: { id: string; name: string }[];
  tables: (TableView & { frontMessages: MessageView[] })[];
  broadcasts: Broadcast[];
  scores: { seatId: string; name: string; total: number; tableId: string | null }[] | null;
}



/**
 * The god view: the whole game, split into top-level keys so that a change to one part (a new
 * message) is sent as a small patch, not the whole state; with the leak risk of every back channel.
 */
export type FacilitatorView = { kind: 'facilitator'; session: SessionHeader; risks: Record<string, number> } & Pick<
  import('./state').ActiveGame,
  'code' | 'scenario' | 'options' | 'status' | 'locked' | 'seats' | 'tables' | 'channels' | 'messages' | 'tips' | 'stories' | 'proposals' | 'broadcasts' | 'scores'
>;
export type View = SeatView | ProjectorView | FacilitatorView;
