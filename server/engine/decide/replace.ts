import type { CommandOf, Meta } from '../commands';
import type { GameEvent } from '../events';
import { requireFacilitator, requireNotEnded } from '../guards';
import { nameProblem, namesCollide, normaliseName, reservedAs } from '../names';
import { reject, type Rejection } from '../rejection';
import type { ActiveGame } from '../state';

/**
 * The facilitator gives a dealt seat to someone else: a player waiting in the lobby without a
 * table, or a newcomer by name. The seat keeps its id, so its role, channels, messages and
 * proposals stay with it and the newcomer sees everything the seat saw (membership is by seat).
 * What the engine records is the new name and the waiting seat that was emptied; the runtime
 * moves the seat tokens (the old occupant's stop working) in the same transaction.
 */
export function replaceSeat(game: ActiveGame, cmd: CommandOf<'ReplaceSeat'>, meta: Meta): GameEvent[] | Rejection {
  const denied = requireFacilitator(meta) ?? requireNotEnded(game);
  if (denied) return denied;
  const seat = game.seats[cmd.seatId];
  if (!seat || seat.status !== 'active') return reject('UNKNOWN_SEAT', `There is no player ${cmd.seatId} in this session.`);
  if (!seat.tableId || !seat.roleId) return reject('WRONG_PHASE', `${seat.name} has no seat at a table yet: deal or move players instead.`);
  if ('seatId' in cmd.newcomer) {
    const waiting = game.seats[cmd.newcomer.seatId];
    if (!waiting || waiting.status !== 'active') return reject('UNKNOWN_SEAT', `There is no player ${cmd.newcomer.seatId} in this session.`);
    if (waiting.id === seat.id) return reject('INVALID_INPUT', `${seat.name} cannot replace themselves.`);
    if (waiting.tableId) return reject('INVALID_INPUT', `${waiting.name} already plays at a table; only a player who is waiting without a seat can take over one.`);
    return [{ type: 'SeatReplaced', seatId: seat.id, name: waiting.name, fromSeatId: waiting.id, at: meta.now }];
  }
  const name = normaliseName(cmd.newcomer.name);
  const problem = nameProblem(name);
  if (problem) return reject('NAME_INVALID', problem);
  const reserved = reservedAs(name, game.scenario);
  if (reserved) return reject('NAME_RESERVED', `“${name}” reads as “${reserved}”, a name the game itself uses on screen. Choose another name.`);
  // The seat's own name may come back (the same student on a new device); anyone else's may not.
  const twin = Object.values(game.seats).find((s) => s.status === 'active' && s.id !== seat.id && namesCollide(s.name, name));
  if (twin) return reject('NAME_TAKEN', `Someone in this room is already called “${twin.name}”. Choose another name, so that everyone can tell them apart.`);
  return [{ type: 'SeatReplaced', seatId: seat.id, name, fromSeatId: null, at: meta.now }];
}
