import type { CommandOf, Meta } from '../commands';
import { LIMITS } from '../commands';
import type { GameEvent } from '../events';
import { cleanText, isRejected, requireFacilitator, requireNotEnded } from '../guards';
import { opaqueId } from '../queries';
import { reject, type Rejection } from '../rejection';
import type { Inject } from '../scenario';
import type { ActiveGame } from '../state';

type Result = GameEvent[] | Rejection;

const broadcastId = (game: ActiveGame, offset = 0) => opaqueId(game, 'b', game.broadcasts.length + 1 + offset);

export function injectBroadcast(game: ActiveGame, inject: Inject, tableId: string | null, now: number, offset = 0): GameEvent {
  return {
    type: 'BroadcastSent',
    broadcast: { id: broadcastId(game, offset), tableId, audience: inject.audience, kind: inject.kind, title: inject.title, body: inject.body, at: now },
    supportDelta: inject.support ?? null,
    escalation: inject.escalation ?? null,
  };
}

function checkTable(game: ActiveGame, tableId: string | undefined): Rejection | null {
  return tableId !== undefined && !game.tables[tableId] ? reject('UNKNOWN_TABLE', `There is no table ${tableId}.`) : null;
}

export function controlBroadcast(game: ActiveGame, cmd: CommandOf<'ControlBroadcast'>, meta: Meta): Result {
  const denied = requireFacilitator(meta) ?? requireNotEnded(game) ?? checkTable(game, cmd.tableId);
  if (denied) return denied;
  const body = cleanText(cmd.text, LIMITS.messageLength, 'message');
  if (isRejected(body)) return body;
  return [{
    type: 'BroadcastSent',
    broadcast: { id: broadcastId(game), tableId: cmd.tableId ?? null, audience: 'all', kind: 'control', title: 'Control', body, at: meta.now },
    supportDelta: null,
    escalation: null,
  }];
}

export function fireInject(game: ActiveGame, cmd: CommandOf<'FireInject'>, meta: Meta): Result {
  const denied = requireFacilitator(meta) ?? requireNotEnded(game) ?? checkTable(game, cmd.tableId);
  if (denied) return denied;
  const inject = game.scenario.injects.find((i) => i.id === cmd.injectId);
  if (!inject) return reject('UNKNOWN_INJECT', `The scenario has no inject “${cmd.injectId}”.`);
  return [injectBroadcast(game, inject, cmd.tableId ?? null, meta.now)];
}

export function writeInject(game: ActiveGame, cmd: CommandOf<'WriteInject'>, meta: Meta): Result {
  const denied = requireFacilitator(meta) ?? requireNotEnded(game) ?? checkTable(game, cmd.tableId);
  if (denied) return denied;
  if (cmd.audience !== 'all' && !game.scenario.sides.some((s) => s.id === cmd.audience)) {
    return reject('INVALID_INPUT', `The audience must be “all” or one of the sides: ${game.scenario.sides.map((s) => s.id).join(', ')}.`);
  }
  const title = cleanText(cmd.title, LIMITS.injectTitleLength, 'title');
  if (isRejected(title)) return title;
  const body = cleanText(cmd.body, LIMITS.messageLength, 'inject');
  if (isRejected(body)) return body;
  return [{
    type: 'BroadcastSent',
    broadcast: { id: broadcastId(game), tableId: cmd.tableId ?? null, audience: cmd.audience, kind: 'news', title, body, at: meta.now },
    supportDelta: null,
    escalation: null,
  }];
}
