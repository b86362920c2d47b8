import type { Issue, MessageView, ProposalView, RoleKind, SeatSummary, SeatView, Term } from '../engine';
import type { PlayerCommand } from '../realtime/protocol';

/**
 * What one seat can tell from its own projected view and the clock: the same information a
 * student has on screen. Strategies read the game only through this, never through the state.
 */
export interface Sight {
  view: SeatView;
  now: number;
  random: () => number;
  me: string;
  kind: RoleKind;
  side: string;
  /** Sides in scenario order; the first side opens back channels and tables official texts. */
  sides: string[];
  /** Index of the current phase (1 = first negotiation round). */
  round: number;
  lastRound: boolean;
  /** Share of the current phase gone by, 0..1. */
  elapsed: number;
  remainingMs: number;
  roundStart: number;
}

export interface Cast {
  /** Role ids of each side's main envoy, from the scenario's public cast list. */
  mainEnvoyRoles: string[];
}

export function sight(view: SeatView, now: number, random: () => number): Sight | null {
  const phase = view.session.phase;
  const role = view.me.role;
  if (view.session.status !== 'running' || !phase || !role || !role.side || !view.table || view.session.deadlineAt === null) return null;
  const durationMs = (view.session.scenario.phases[phase.index]?.durationSec ?? 1) * 1000;
  const remainingMs = view.session.deadlineAt - now;
  return {
    view, now, random, me: view.me.seatId, kind: role.kind, side: role.side,
    sides: view.session.scenario.sides.map((s) => s.id),
    round: phase.index,
    lastRound: phase.index === view.session.scenario.phases.length - 1,
    elapsed: Math.min(1, Math.max(0, 1 - remainingMs / durationMs)),
    remainingMs,
    roundStart: view.session.deadlineAt - durationMs,
  };
}

export const isOpener = (s: Sight) => s.side === s.sides[0];
export const otherSide = (s: Sight) => s.sides.find((id) => id !== s.side) ?? s.side;

export function leaderOf(s: Sight, side: string): SeatSummary | undefined {
  return s.view.table?.seats.find((x) => x.kind === 'leader' && x.side === side);
}

/** The side's main envoy (by the cast list), or its first envoy. */
export function leadEnvoyOf(s: Sight, cast: Cast, side: string): SeatSummary | undefined {
  const envoys = (s.view.table?.seats ?? []).filter((x) => x.kind === 'envoy' && x.side === side);
  return envoys.find((x) => x.roleId !== null && cast.mainEnvoyRoles.includes(x.roleId)) ?? envoys[0];
}

export const isLeadEnvoy = (s: Sight, cast: Cast) => leadEnvoyOf(s, cast, s.side)?.id === s.me;
export const sideOfSeat = (s: Sight, seatId: string) => s.view.table?.seats.find((x) => x.id === seatId)?.side ?? null;

export const frontChannel = (s: Sight) => s.view.channels.find((c) => c.kind === 'front');
export const teamChannel = (s: Sight) => s.view.channels.find((c) => c.kind === 'team');
/** Back channels the seat still sits in, newest last. */
export const backChannels = (s: Sight) => s.view.channels.filter((c) => c.kind === 'back' && !c.left);

export function myMessages(s: Sight, channelId: string, thisRoundOnly = true): MessageView[] {
  return s.view.messages.filter((m) => m.channelId === channelId && m.author.kind === 'seat' && m.author.seatId === s.me && (!thisRoundOnly || m.at >= s.roundStart));
}

export function openProposals(s: Sight, channelId: string, mode?: ProposalView['mode']): ProposalView[] {
  return s.view.proposals.filter((p) => p.channelId === channelId && p.status === 'open' && (mode === undefined || p.mode === mode));
}

export function said(s: Sight, channelId: string, text: string): boolean {
  return s.view.messages.some((m) => m.channelId === channelId && m.text === text);
}

/** Posts a line if the seat has said fewer than `budget` things there this round. */
export function talk(s: Sight, channelId: string | undefined, budget: number, lines: readonly string[]): PlayerCommand | null {
  if (!channelId || myMessages(s, channelId).length >= budget) return null;
  const text = lines[Math.floor(s.random() * lines.length)] ?? lines[0] ?? 'We should talk.';
  return { type: 'PostMessage', channelId, text };
}

export function answerInvitations(s: Sight): PlayerCommand | null {
  const invitation = s.view.invitations[0];
  return invitation ? { type: 'AnswerInvitation', channelId: invitation.channelId, accept: true } : null;
}

function reactions(issueOption: Issue['options'][number], sides: string[]): { sum: number; min: number } {
  const values = sides.map((side) => issueOption.publicReaction[side] ?? 0);
  return { sum: values.reduce((a, b) => a + b, 0), min: Math.min(...values) };
}

/**
 * The deal every cooperative strategy tables, from public information only: for each issue the
 * option with the best joint public reaction (ties: the fairest). Holding the content fixed
 * lets the harness compare ways of negotiating rather than luck in bargaining.
 */
export function jointPackage(s: Sight): Term[] {
  return fairTerms(s.view.session.scenario.issues, s.sides);
}

/** The joint package from the issues and the sides alone (also what the objectives are balanced against). */
export function fairTerms(issues: readonly Issue[], sides: string[]): Term[] {
  return issues.map((issue) => {
    const best = [...issue.options].sort((a, b) => {
      const x = reactions(a, sides);
      const y = reactions(b, sides);
      return y.sum - x.sum || y.min - x.min;
    })[0]!;
    return { issueId: issue.id, optionId: best.id, secret: false };
  });
}

/** An opening bid: each issue's option its own public likes best. */
export function sidePackage(s: Sight, side: string): Term[] {
  return s.view.session.scenario.issues.map((issue) => {
    const best = [...issue.options].sort((a, b) => (b.publicReaction[side] ?? 0) - (a.publicReaction[side] ?? 0) || reactions(b, s.sides).sum - reactions(a, s.sides).sum)[0]!;
    return { issueId: issue.id, optionId: best.id, secret: false };
  });
}

/**
 * The joint package with every concession that costs some side public support kept secret (the
 * issues the scenarios' envoys are asked to keep secret are exactly these); at least one term
 * stays public so there is something to announce.
 */
export function secretPackage(s: Sight): Term[] {
  const issues = s.view.session.scenario.issues;
  const option = (t: Term) => issues.find((i) => i.id === t.issueId)!.options.find((o) => o.id === t.optionId)!;
  const terms = jointPackage(s).map((t) => ({ ...t, secret: reactions(option(t), s.sides).min < 0 }));
  if (terms.every((t) => t.secret)) {
    const best = [...terms].sort((a, b) => reactions(option(b), s.sides).sum - reactions(option(a), s.sides).sum)[0]!;
    best.secret = false;
  }
  return terms;
}
