import { describeSupportEntry } from '../engine/support-ledger';
import { activeOrThrow, walk, type ReplayLog } from './history';
import type { ReplaySupportChange } from './types';

/**
 * Every move of public support with its cause and the moment it happened, as the facilitator
 * reads it (who mobilised, who reneged). `tableId`: one table's only.
 */
export function supportLedger(log: ReplayLog, tableId: string | null): ReplaySupportChange[] {
  const moves: { seq: number; index: number }[] = [];
  const final = activeOrThrow(walk(log, ({ seq }, before, after) => {
    if (!after.created) return;
    const from = before.created ? before.supportLog.length : 0;
    for (let index = from; index < after.supportLog.length; index++) moves.push({ seq, index });
  }));
  return moves
    .map(({ seq, index }) => ({ seq, ...describeSupportEntry(final, final.supportLog[index]!, null) }))
    .filter((c) => tableId === null || c.tableId === tableId);
}
