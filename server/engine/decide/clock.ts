import type { CommandOf, Meta } from '../commands';
import { LIMITS } from '../commands';
import type { GameEvent } from '../events';
import { evolve } from '../evolve';
import { requireFacilitator, requireSystemOrFacilitator } from '../guards';
import { clamp, maxEscalation, phaseDurationMs } from '../queries';
import { reject, type Rejection } from '../rejection';
import { scoreSession } from '../scoring';
import type { ActiveGame } from '../state';
import { injectBroadcast } from './control';
import { legitimacyEvents } from './legitimacy';
import { secretTermLeaks } from './leaks';
import { pressDeskStories } from './press';

type Result = GameEvent[] | Rejection;

/** A phase begins: its deadline is set and the injects scheduled for it are fired. */
export function phaseStartEvents(game: ActiveGame, phaseIndex: number, now: number, rng: number | null = null): GameEvent[] {
  const phase = game.scenario.phases[phaseIndex];
  if (!phase) return [];
  const events: GameEvent[] = [
    { type: 'PhaseStarted', phaseIndex, rng, at: now },
    { type: 'DeadlineSet', at: now, deadlineAt: now + phaseDurationMs(game, phaseIndex) },
  ];
  const injects = game.scenario.injects.filter((i) => i.atPhase === phase.id);
  injects.forEach((inject, k) => events.push(injectBroadcast(game, inject, null, now, k)));
  return events;
}

export function deadlineReached(game: ActiveGame, meta: Meta): Result {
  const denied = requireSystemOrFacilitator(meta);
  if (denied) return denied;
  if (game.status !== 'running') return reject('WRONG_PHASE', 'No deadline is running.');
  if (game.pausedRemainingMs !== null) return reject('PAUSED', 'The clock is paused.');
  if (game.deadlineAt === null || meta.now < game.deadlineAt) {
    return reject('WRONG_PHASE', 'The deadline has not been reached yet.');
  }
  return advance(game, meta.now);
}

export function skip(game: ActiveGame, meta: Meta): Result {
  const denied = requireFacilitator(meta);
  if (denied) return denied;
  if (game.status !== 'running') return reject('WRONG_PHASE', 'There is no running phase to skip.');
  return advance(game, meta.now);
}

/**
 * The end of a phase: tables without a deal escalate (in the last round, a deal that was never
 * announced does not count), secret terms may leak, then the next phase starts or the session ends.
 */
function advance(game: ActiveGame, now: number): GameEvent[] {
  const phase = game.scenario.phases[game.phaseIndex];
  const isLast = game.phaseIndex >= game.scenario.phases.length - 1;
  const events: GameEvent[] = [];
  if (phase && phase.kind === 'negotiation' && phase.escalationIfNoDeal > 0) {
    for (const table of Object.values(game.tables)) {
      const settled = isLast ? table.agreement?.announcedAt != null : table.agreement !== null;
      if (settled) continue;
      const level = clamp(table.escalation + phase.escalationIfNoDeal, 0, maxEscalation(game));
      if (level === table.escalation) continue;
      const reason = isLast ? `No agreement was announced before the final deadline (${phase.title}).` : `No agreement was concluded by the end of ${phase.title}.`;
      events.push({ type: 'EscalationRaised', tableId: table.id, by: level - table.escalation, level, reason, at: now });
    }
  }
  const leaks = secretTermLeaks(game, now);
  events.push(...legitimacyEvents(game, now), ...pressDeskStories(game, now), ...leaks.events);
  // The phase change carries the generator state, so draws that leaked nothing still move it on.
  if (!isLast) return [...events, ...phaseStartEvents(game, game.phaseIndex + 1, now, leaks.rng)];
  const final = events.reduce<ActiveGame>((s, e) => evolve(s, e) as ActiveGame, game);
  return [...events, { type: 'SessionEnded', scores: scoreSession(final), rng: leaks.rng, at: now }];
}

export function pause(game: ActiveGame, meta: Meta): Result {
  const denied = requireFacilitator(meta);
  if (denied) return denied;
  if (game.status !== 'running') return reject('WRONG_PHASE', 'Only a running session can be paused.');
  if (game.pausedRemainingMs !== null) return reject('ALREADY_DONE', 'The session is already paused.');
  const remainingMs = Math.max(0, (game.deadlineAt ?? meta.now) - meta.now);
  return [{ type: 'ClockPaused', remainingMs, at: meta.now }];
}

export function resume(game: ActiveGame, meta: Meta): Result {
  const denied = requireFacilitator(meta);
  if (denied) return denied;
  if (game.status !== 'running' || game.pausedRemainingMs === null) return reject('NOT_PAUSED', 'The session is not paused.');
  return [
    { type: 'ClockResumed', at: meta.now },
    { type: 'DeadlineSet', at: meta.now, deadlineAt: meta.now + game.pausedRemainingMs },
  ];
}

export function extend(game: ActiveGame, cmd: CommandOf<'Extend'>, meta: Meta): Result {
  const denied = requireFacilitator(meta);
  if (denied) return denied;
  if (game.status !== 'running') return reject('WRONG_PHASE', 'Only a running phase can be extended.');
  if (!Number.isInteger(cmd.seconds) || cmd.seconds < 1 || cmd.seconds > LIMITS.extendMaxSeconds) {
    return reject('INVALID_INPUT', `Extend by a whole number of seconds from 1 to ${LIMITS.extendMaxSeconds}.`);
  }
  const ms = cmd.seconds * 1000;
  if (game.pausedRemainingMs !== null) return [{ type: 'ClockPaused', remainingMs: game.pausedRemainingMs + ms, at: meta.now }];
  const from = Math.max(game.deadlineAt ?? meta.now, meta.now);
  return [{ type: 'DeadlineSet', at: meta.now, deadlineAt: from + ms }];
}

export function endSession(game: ActiveGame, meta: Meta): Result {
  const denied = requireFacilitator(meta);
  if (denied) return denied;
  if (game.status === 'ended') return reject('SESSION_ENDED', 'The session has already ended.');
  return [{ type: 'SessionEnded', scores: scoreSession(game), rng: null, at: meta.now }];
}
