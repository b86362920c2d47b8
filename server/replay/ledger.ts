import { describeSupportEntry } from '../engine/support-ledger';
import { collect, type Collector, type ReplayLog } from './history';
import type { ReplaySupportChange } from './types';

/**
 * Every move of public support with its cause and the moment it happened, as the facilitator
 * reads it (who mobilised, who reneged). `tableId`: one table's only.
 */
export function supportLedger(log: ReplayLog, tableId: string | null): ReplaySupportChange[] {
  return collect(log, ledgerCollector()).filter((c) => tableId === null || c.tableId === tableId);
}

export function ledgerCollector(): Collector<ReplaySupportChange[]> {
  const moves: { seq: number; index: number }[] = [];
  return {
    visit: ({ seq }, before, after) => {
      if (!after.created) return;
      const from = before.created ? before.supportLog.length : 0;
      for (let index = from; index < after.supportLog.length; index++) moves.push({ seq, index });
    },
    finish: (final) => moves.map(({ seq, index }) => ({ seq, ...describeSupportEntry(final, final.supportLog.at(index)!, null) })),
  };
}
