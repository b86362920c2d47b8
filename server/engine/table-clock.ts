import type { Actor, Command } from './commands';
import type { ActiveGame, TableClock, TableState } from './state';

/**
 * Per-table clocks. Each table keeps its own phase, deadline and pause (TableState.clock); the
 * session's clock fields are a summary of them. Code written for one session-wide clock reads a
 * table's clock through `atTable`, which returns the game as that table sees it: so the rules
 * (deadlines passed, paused, phase kinds, rounds a channel has been open) need no table argument.
 */

export const NEW_CLOCK: TableClock = { phaseIndex: -1, deadlineAt: null, pausedRemainingMs: null, finishedAt: null };

/** The session's clock from its tables' (see ActiveGame.phaseIndex). */
export function sessionClock(tables: TableState[]): Pick<ActiveGame, 'phaseIndex' | 'deadlineAt' | 'pausedRemainingMs'> {
  const playing = tables.filter((t) => t.clock.finishedAt === null);
  if (playing.length === 0) {
    return { phaseIndex: Math.max(-1, ...tables.map((t) => t.clock.phaseIndex)), deadlineAt: null, pausedRemainingMs: null };
  }
  const running = playing.filter((t) => t.clock.pausedRemainingMs === null && t.clock.deadlineAt !== null);
  const paused = playing.filter((t) => t.clock.pausedRemainingMs !== null);
  return {
    phaseIndex: Math.min(...playing.map((t) => t.clock.phaseIndex)),
    deadlineAt: running.length ? Math.min(...running.map((t) => t.clock.deadlineAt as number)) : null,
    pausedRemainingMs: paused.length === playing.length ? Math.min(...paused.map((t) => t.clock.pausedRemainingMs as number)) : null,
  };
}

/**
 * The game as one table sees it: the session's clock fields are that table's. A table that has
 * finished its last phase reads as past its deadline, so its players are told to wait.
 */
export function atTable(game: ActiveGame, tableId: string | null | undefined): ActiveGame {
  const table = tableId ? game.tables[tableId] : undefined;
  if (!table || game.status !== 'running') return game;
  const c = table.clock;
  const finished = c.finishedAt !== null;
  return { ...game, phaseIndex: c.phaseIndex, deadlineAt: finished ? c.finishedAt : c.deadlineAt, pausedRemainingMs: finished ? null : c.pausedRemainingMs };
}

/** Every table plays, and all keep the same time: then the clock moves them as one (and the events say so without a tableId). */
export function clocksInStep(game: ActiveGame): boolean {
  const tables = Object.values(game.tables);
  const first = tables[0];
  if (!first) return false;
  return tables.every(
    (t) => t.clock.finishedAt === null && t.clock.phaseIndex === first.clock.phaseIndex && t.clock.deadlineAt === first.clock.deadlineAt && t.clock.pausedRemainingMs === first.clock.pausedRemainingMs,
  );
}

const CLOCK_COMMANDS = new Set<Command['type']>(['DeadlineReached', 'Pause', 'Resume', 'Extend', 'Skip', 'EndSession', 'StartSession']);

/** The table a command acts at, whose clock its rules read; null for the session-wide ones. */
export function tableOfCommand(game: ActiveGame, command: Command, actor: Actor): string | null {
  if (CLOCK_COMMANDS.has(command.type)) return null;
  if (actor.kind === 'seat') return game.seats[actor.seatId]?.tableId ?? null;
  switch (command.type) {
    case 'ControlPost':
      return game.channels[command.channelId]?.tableId ?? null;
    case 'LeakMessage':
      return game.messages.find((m) => m.id === command.messageId)?.tableId ?? null;
    case 'PlantRumour':
    case 'ControlBroadcast':
    case 'FireInject':
    case 'WriteInject':
      return command.tableId ?? null;
    default:
      return null;
  }
}
