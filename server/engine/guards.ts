import type { Meta } from './commands';
import { reject, type Rejection } from './rejection';
import { currentPhase, roleOf } from './queries';
import type { RoleKind, RoleSlot } from './scenario';
import type { ActiveGame, Seat } from './state';

/** Checks shared by the command handlers; each returns the rejection a user should see. */

export interface Player {
  seat: Seat;
  role: RoleSlot;
  tableId: string;
}

export function requireFacilitator(meta: Meta): Rejection | null {
  return meta.actor.kind === 'facilitator' ? null : reject('NOT_ALLOWED', 'Only the facilitator can do that.');
}

export function requireSystemOrFacilitator(meta: Meta): Rejection | null {
  return meta.actor.kind === 'facilitator' || meta.actor.kind === 'system' ? null : reject('NOT_ALLOWED', 'Only the facilitator or the server clock can do that.');
}

/** The acting seat, which must be dealt into a table with a role. */
export function requirePlayer(game: ActiveGame, meta: Meta): Player | Rejection {
  if (meta.actor.kind !== 'seat') return reject('NOT_ALLOWED', 'Only a player can do that.');
  const seat = game.seats[meta.actor.seatId];
  if (!seat || seat.status !== 'active') return reject('UNKNOWN_SEAT', 'Your seat is no longer in this session.');
  const role = roleOf(game, seat);
  if (!seat.tableId || !role) return reject('WRONG_PHASE', 'You have not been given a seat at a table yet.');
  return { seat, role, tableId: seat.tableId };
}

export function requireKind(player: Player, kinds: RoleKind[], what: string): Rejection | null {
  if (kinds.includes(player.role.kind)) return null;
  const who = kinds.map((k) => `${k}s`).join(' and ');
  return reject('WRONG_ROLE', `Only ${who} can ${what}; you are the ${player.role.title} (${player.role.kind}).`);
}

/** The game is running, not paused, and the current deadline has not passed. */
export function requireLive(game: ActiveGame, meta: Meta): Rejection | null {
  if (game.status === 'lobby') return reject('WRONG_PHASE', 'The session has not started yet.');
  if (game.status === 'ended') return reject('SESSION_ENDED', 'The session has ended.');
  if (game.pausedRemainingMs !== null) return reject('PAUSED', 'The facilitator has paused the session; wait for it to resume.');
  if (game.deadlineAt !== null && meta.now >= game.deadlineAt) {
    const phase = currentPhase(game);
    return reject('DEADLINE_PASSED', `The deadline for ${phase?.title ?? 'this phase'} has passed; the next phase is about to begin.`);
  }
  return null;
}

/** Live and in a negotiation phase (not the briefing). */
export function requireNegotiation(game: ActiveGame, meta: Meta, what: string): Rejection | null {
  const live = requireLive(game, meta);
  if (live) return live;
  const phase = currentPhase(game);
  if (phase?.kind !== 'negotiation') return reject('WRONG_PHASE', `You cannot ${what} during ${phase?.title ?? 'this phase'}; wait for the negotiation rounds.`);
  return null;
}

export function requireNotEnded(game: ActiveGame): Rejection | null {
  return game.status === 'ended' ? reject('SESSION_ENDED', 'The session has ended.') : null;
}

export function cleanText(text: string, max: number, what: string): string | Rejection {
  const trimmed = text.trim();
  if (trimmed.length === 0) return reject('MESSAGE_EMPTY', `The ${what} is empty.`);
  if (trimmed.length > max) return reject('MESSAGE_TOO_LONG', `The ${what} is ${trimmed.length} characters long; the limit is ${max}.`);
  return trimmed;
}

export function isRejected<T>(value: T | Rejection): value is Rejection {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
}
