/**
 * The scenario format as the engine sees it. Scenarios are data, not code: everything a
 * crisis needs (sides, role slots, briefs, issues, objectives, schedule, leak parameters,
 * injects, escalation, debrief) lives here, and nothing in the engine is specific to one.
 * The zod schema in server/scenarios/schema.ts validates files against this type.
 */

export type RoleKind = 'leader' | 'envoy' | 'spoiler' | 'journalist';
export const ROLE_KINDS = ['leader', 'envoy', 'spoiler', 'journalist'] as const;

export type ChannelKind = 'front' | 'team' | 'back' | 'press';
import { CHANNEL_KINDS } from '../../shared/channel-kinds';
export { CHANNEL_KINDS };

export interface Side {
  id: string;
  name: string;
  /** Public support (0–100) this side's leadership starts with. */
  initialSupport: number;
}

export interface RoleBrief {
  /**
   * The short version players read first (who you are, what you want, your limits), with the rest
   * one click away. Optional for uploads (without it the full brief is shown); built-ins have one.
   */
  summary?: string;
  /** What this role is trying to achieve, in plain words. */
  objectives: string;
  privateFacts: string[];
  /** Lines the role must not cross. */
  limits: string[];
}

export interface RoleSlot {
  id: string;
  title: string;
  kind: RoleKind;
  /** Journalists belong to no side. */
  side: string | null;
  /** How many seats of this role each table has at the least and at the most. */
  min: number;
  max: number;
  /** Order in which extra players are dealt into optional seats (lower first). */
  priority: number;
  brief: RoleBrief;
  objectives: Objective[];
}

export interface IssueOption {
  id: string;
  label: string;
  /** How the public of each side reacts when this option is announced (support points). */
  publicReaction: Record<string, number>;
}

export interface Issue {
  id: string;
  title: string;
  description: string;
  options: IssueOption[];
}

/** Conditions the engine can check at the end to score an objective. */
export type Condition =
  | { type: 'dealAnnounced' }
  | { type: 'dealConcluded' }
  | { type: 'noDeal' }
  | { type: 'termAgreed'; issueId: string; optionId: string }
  | { type: 'termKeptSecret'; issueId: string }
  | { type: 'supportAtLeast'; value: number; side?: string }
  | { type: 'escalationAtMost'; value: number }
  | { type: 'ownBackChannelsUnexposed' }
  | { type: 'backChannelsExposed'; min: number }
  | { type: 'accurateStories'; min: number }
  | { type: 'inaccurateStories'; min: number }
  | { type: 'mobilised'; min: number };

export interface Objective {
  id: string;
  description: string;
  points: number;
  when: Condition;
}

export interface Phase {
  id: string;
  kind: 'briefing' | 'negotiation';
  title: string;
  durationSec: number;
  /** Channels in which messages may be posted during this phase. */
  openChannels: ChannelKind[];
  /** Escalation added at this phase's deadline to every table with no concluded agreement. */
  escalationIfNoDeal: number;
}

export interface Precondition {
  description: string;
  /** The side whose leader must act to meet it. */
  side: string;
  /** Support the acting side loses at home for giving in. */
  supportCost: number;
}

export interface LeakParameters {
  /** Chance that a single message in a two-person back channel leaks. */
  baseRate: number;
  /** Extra risk per member beyond two (multiplier step). */
  perExtraMember: number;
  /** Extra risk per ten messages already sent in the channel. */
  perTenMessages: number;
  /** Extra risk per negotiation round the channel has been open. */
  perRoundOpen: number;
  /** Extra risk per member being investigated by a journalist. */
  investigationBoost: number;
  /** Extra risk per member under spoiler surveillance. */
  surveillanceBoost: number;
  /** The risk of one message never exceeds this. */
  maxRisk: number;
  /** Chance that a leak reaches spoilers too (surveilling spoilers always hear). */
  spoilerTipChance: number;
  /** Chance a tip is an exact quote rather than a paraphrase. */
  quoteChance: number;
  /** Chance, at each deadline, that each secret term of a concluded deal leaks. */
  secretTermRate: number;
  /** Support each involved side loses when a story exposes a back channel. */
  exposureBacklash: number;
  /** Further support lost when a deal's back-channel origin was exposed before it was announced. */
  originExposedBacklash: number;
  /** Support a spoiler's mobilisation costs its own side's leadership. */
  mobilisationImpact: number;
  /** Support every side loses when a planted rumour is published as news (it is also scored as inaccurate). */
  rumourImpact: number;
  // The parameters below are optional: the engine's defaults (LEAK_DEFAULTS in leak-risk.ts) apply when absent.
  /** Extra risk per earlier back channel at the table (an exposed one counts twice): relying on back channels again and again. */
  perPriorChannel?: number;
  /** Extra risk once a side at the table has reneged on a signed secret deal. */
  distrustBoost?: number;
  /** Share of the backlash a leaked exploratory text costs (it is deniable); an official text costs it all. */
  exploratoryShare?: number;
  /** Each further story about the same back channel costs this share of the one before (diminishing backlash). */
  storyDecay?: number;
  /** Support each side gains when a deal tested in a back channel is signed in public (legitimised). */
  legitimacyBonus?: number;
  /** Support each side gains per full round an announced deal has been public (legitimacy needs time). */
  legitimacyPerRound?: number;
  /** Share of a spoiler's mobilisation that still bites against a deal signed in public. */
  legitimisedMobilisationShare?: number;
  /** Support each side loses when a deal signed in a back channel is announced as a fait accompli (the process looks unfair). */
  faitAccompliCost?: number;
  /** Multiplies the public cost of concessions in a deal signed in public without being tested privately first. */
  unpreparedConcessionFactor?: number;
  /** Support the side that reneged on a signed secret deal loses when it is found out (the deal leaks at once). */
  renegeCost?: number;
}

export interface Inject {
  id: string;
  title: string;
  body: string;
  kind: 'news' | 'intelligence';
  /** 'all' goes to everyone at every table; a side id only to that side's team channel. */
  audience: string;
  /** Fired automatically when this phase starts; facilitators can fire any inject by hand. */
  atPhase?: string;
  support?: Record<string, number>;
  escalation?: number;
}

export interface EscalationLevel {
  level: number;
  title: string;
  description: string;
}

export interface Scenario {
  id: string;
  title: string;
  period: string;
  summary: string;
  publicBackground: string;
  sides: Side[];
  roles: RoleSlot[];
  issues: Issue[];
  phases: Phase[];
  precondition?: Precondition;
  leak: LeakParameters;
  injects: Inject[];
  /** Level 0 is calm; reaching the last level is the crisis boiling over. */
  escalation: EscalationLevel[];
  debriefQuestions: string[];
  whatReallyHappened: string;
}
