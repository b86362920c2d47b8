import type { CommandOf, Meta } from '../commands';
import { chooseTableCount, rolesForTable, tableSizeRange, tableSizes } from '../deal';
import type { GameEvent } from '../events';
import { requireFacilitator, requireNotEnded } from '../guards';
import { nameProblem, namesCollide, normaliseName, reservedAs } from '../names';
import { maxSeatsOf, phaseDurationMs, seatsAt } from '../queries';
import { shuffle } from '../random';
import { reject, type Rejection } from '../rejection';
import type { ActiveGame, Seat } from '../state';
import { phaseStartEvents } from './clock';

type Result = GameEvent[] | Rejection;

const activeSeats = (game: ActiveGame): Seat[] => Object.values(game.seats).filter((s) => s.status === 'active');

export function join(game: ActiveGame, cmd: CommandOf<'Join'>, meta: Meta): Result {
  if (meta.actor.kind !== 'guest') return reject('NOT_ALLOWED', 'You are already in this session.');
  const ended = requireNotEnded(game);
  if (ended) return ended;
  if (game.locked) return reject('ROOM_LOCKED', 'This room is locked: the facilitator is not letting anyone else in. Ask them to unlock it.');
  const name = normaliseName(cmd.name);
  const problem = nameProblem(name);
  if (problem) return reject('NAME_INVALID', problem);
  const reserved = reservedAs(name, game.scenario);
  if (reserved) return reject('NAME_RESERVED', `“${name}” reads as “${reserved}”, a name the game itself uses on screen. Choose another name.`);
  const twin = activeSeats(game).find((s) => namesCollide(s.name, name));
  if (twin) {
    const same = twin.name === name ? '' : ' (or a name that looks just like it)';
    return reject('NAME_TAKEN', `Someone in this room is already called “${twin.name}”${same}. Choose another name, so that everyone can tell you apart.`);
  }
  const cap = maxSeatsOf(game);
  // Seats that left or were removed stay in the state: arrivals are capped too, at twice the room.
  if (activeSeats(game).length >= cap || Object.keys(game.seats).length >= 2 * cap) {
    return reject('ROOM_FULL', `This room is full (${cap} players). Ask the facilitator to make room.`);
  }
  const seatId = `s${Object.keys(game.seats).length + 1}`;
  return [{ type: 'PlayerJoined', seatId, name, at: meta.now }];
}

export function leave(game: ActiveGame, meta: Meta): Result {
  if (meta.actor.kind !== 'seat') return reject('NOT_ALLOWED', 'Only a player can leave.');
  const seat = game.seats[meta.actor.seatId];
  if (!seat || seat.status !== 'active') return reject('UNKNOWN_SEAT', 'Your seat is no longer in this session.');
  if (game.status !== 'lobby') return reject('WRONG_PHASE', 'You can leave only while the room is still in the lobby; once play starts, your seat waits for you.');
  return [{ type: 'PlayerLeft', seatId: seat.id, at: meta.now }];
}

export function setLocked(game: ActiveGame, cmd: CommandOf<'SetLocked'>, meta: Meta): Result {
  const denied = requireFacilitator(meta) ?? requireNotEnded(game);
  if (denied) return denied;
  if (game.locked === cmd.locked) return reject('ALREADY_DONE', cmd.locked ? 'The room is already locked.' : 'The room is already open.');
  return [{ type: 'RoomLocked', locked: cmd.locked, at: meta.now }];
}

export function dealSeats(game: ActiveGame, cmd: CommandOf<'DealSeats'>, meta: Meta): Result {
  const denied = requireFacilitator(meta);
  if (denied) return denied;
  if (game.status !== 'lobby') return reject('WRONG_PHASE', 'Seats can be dealt only in the lobby, before the session starts.');
  const players = activeSeats(game);
  const { min, max } = tableSizeRange(game.scenario.roles);
  if (players.length < min) {
    return reject('CANNOT_DEAL', `This scenario needs at least ${min} players at a table; ${players.length} ${players.length === 1 ? 'has' : 'have'} joined.`);
  }
  const requested = cmd.tableCount ?? game.options.tableCount;
  const tableCount = requested ?? chooseTableCount(players.length, game.scenario.roles);
  if (tableCount === null || !Number.isInteger(tableCount) || tableCount < 1) {
    return reject('CANNOT_DEAL', `${players.length} players cannot be split into tables of ${min} to ${max}.`);
  }
  const sizes = tableSizes(players.length, tableCount);
  const bad = sizes.find((s) => s < min || s > max);
  if (bad !== undefined) {
    return reject('CANNOT_DEAL', `${players.length} players in ${tableCount} tables gives tables of ${bad}; each table needs ${min} to ${max} players. Choose another number of tables.`);
  }
  const shuffled = shuffle(players.map((p) => p.id), game.rng);
  const tableIds = sizes.map((_, i) => `t${i + 1}`);
  const assignments: { seatId: string; tableId: string; roleId: string }[] = [];
  let cursor = 0;
  let rng = shuffled.rng;
  sizes.forEach((size, i) => {
    // Ties in slot priority (a spoiler for each side) are broken by a draw at each table.
    const tie = shuffle(game.scenario.roles.map((r) => r.id), rng);
    rng = tie.rng;
    const roles = rolesForTable(size, game.scenario.roles, tie.items) ?? [];
    for (const roleId of roles) {
      const seatId = shuffled.items[cursor++];
      if (seatId) assignments.push({ seatId, tableId: tableIds[i] as string, roleId });
    }
  });
  return [{ type: 'SeatsDealt', tableIds, assignments, rng, at: meta.now }];
}

export function moveSeat(game: ActiveGame, cmd: CommandOf<'MoveSeat'>, meta: Meta): Result {
  const denied = requireFacilitator(meta) ?? requireNotEnded(game);
  if (denied) return denied;
  const seat = game.seats[cmd.seatId];
  if (!seat || seat.status !== 'active') return reject('UNKNOWN_SEAT', `There is no player ${cmd.seatId} in this session.`);
  if (!game.tables[cmd.tableId]) return reject('UNKNOWN_TABLE', `There is no table ${cmd.tableId}; deal the seats first.`);
  const role = game.scenario.roles.find((r) => r.id === cmd.roleId);
  if (!role) return reject('UNKNOWN_ROLE', `The scenario has no role ${cmd.roleId}.`);
  if (game.status === 'running' && seat.tableId !== null) {
    return reject('WRONG_PHASE', 'Seated players cannot change tables once play has started; kick the seat and seat a waiting player instead.');
  }
  const holders = seatsAt(game, cmd.tableId).filter((s) => s.roleId === role.id && s.id !== seat.id);
  if (holders.length >= role.max) return reject('ROLE_FULL', `Table ${cmd.tableId} already has ${role.max} ${role.title}${role.max === 1 ? '' : 's'}.`);
  return [{ type: 'SeatMoved', seatId: seat.id, tableId: cmd.tableId, roleId: role.id, at: meta.now }];
}

export function swapSeats(game: ActiveGame, cmd: CommandOf<'SwapSeats'>, meta: Meta): Result {
  const denied = requireFacilitator(meta);
  if (denied) return denied;
  if (game.status !== 'lobby') return reject('WRONG_PHASE', 'Seats can be swapped only before the session starts.');
  const a = game.seats[cmd.seatA];
  const b = game.seats[cmd.seatB];
  if (!a || a.status !== 'active' || !a.tableId) return reject('UNKNOWN_SEAT', `Player ${cmd.seatA} has no seat to swap.`);
  if (!b || b.status !== 'active' || !b.tableId) return reject('UNKNOWN_SEAT', `Player ${cmd.seatB} has no seat to swap.`);
  if (a.id === b.id) return reject('INVALID_INPUT', 'Choose two different players to swap.');
  return [{ type: 'SeatsSwapped', seatA: a.id, seatB: b.id, at: meta.now }];
}

export function kick(game: ActiveGame, cmd: CommandOf<'Kick'>, meta: Meta): Result {
  const denied = requireFacilitator(meta) ?? requireNotEnded(game);
  if (denied) return denied;
  const seat = game.seats[cmd.seatId];
  if (!seat || seat.status !== 'active') return reject('UNKNOWN_SEAT', `There is no player ${cmd.seatId} in this session.`);
  return [{ type: 'PlayerKicked', seatId: seat.id, at: meta.now }];
}

export function startSession(game: ActiveGame, meta: Meta): Result {
  const denied = requireFacilitator(meta);
  if (denied) return denied;
  if (game.status !== 'lobby') return reject('WRONG_PHASE', 'The session has already started.');
  const tableIds = Object.keys(game.tables);
  if (tableIds.length === 0) return reject('TABLES_NOT_READY', 'Deal the seats before starting.');
  const unseated = activeSeats(game).filter((s) => !s.tableId);
  if (unseated.length > 0) {
    return reject('TABLES_NOT_READY', `${unseated.length} player${unseated.length === 1 ? ' has' : 's have'} no seat yet (${unseated.map((s) => s.name).join(', ')}): deal again or move them to a table.`);
  }
  for (const tableId of tableIds) {
    const seats = seatsAt(game, tableId);
    for (const role of game.scenario.roles) {
      const n = seats.filter((s) => s.roleId === role.id).length;
      if (n < role.min) return reject('TABLES_NOT_READY', `Table ${tableId} needs at least ${role.min} ${role.title}; it has ${n}.`);
      if (n > role.max) return reject('TABLES_NOT_READY', `Table ${tableId} has ${n} ${role.title}; at most ${role.max} allowed.`);
    }
  }
  if (phaseDurationMs(game, 0) <= 0) return reject('TABLES_NOT_READY', 'The scenario has no phases.');
  return [{ type: 'SessionStarted', at: meta.now }, ...phaseStartEvents(game, 0, meta.now)];
}
