import { project, type FacilitatorView, type GameState } from '../engine';
import { ReplayError } from './history';
import type { Perspective, ReplayMoment } from './types';

/** The god view narrowed to one table: its seats, channels, texts, tips, stories, proposals and scores. */
export function facilitatorViewOfTable(view: FacilitatorView, tableId: string): FacilitatorView {
  const pick = <T extends { tableId: string | null }>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).filter(([, v]) => v.tableId === tableId));
  const seats = pick(view.seats);
  const channels = pick(view.channels);
  return {
    ...view,
    seats,
    tables: view.tables[tableId] ? { [tableId]: view.tables[tableId] } : {},
    channels,
    messages: view.messages.filter((m) => m.tableId === tableId),
    tips: pick(view.tips),
    stories: view.stories.filter((s) => s.tableId === tableId),
    proposals: pick(view.proposals),
    broadcasts: view.broadcasts.filter((b) => b.tableId === null || b.tableId === tableId),
    scores: view.scores && view.scores.filter((s) => seats[s.seatId] !== undefined),
    risks: Object.fromEntries(Object.entries(view.risks).filter(([id]) => channels[id] !== undefined)),
  };
}

/**
 * The view at one moment through one pair of eyes. A seat's view is `project()` of the folded
 * state, the very function that fed that seat's screen live, so it holds what the screen held.
 */
export function momentView(state: GameState, seq: number, at: number, perspective: Perspective): ReplayMoment {
  if (!state.created) throw new ReplayError('SEQ_OUT_OF_RANGE', 'Nothing had happened yet at that moment.');
  // A created session always has a facilitator view.
  const god = () => project(state, { kind: 'facilitator' }) as FacilitatorView;
  switch (perspective.kind) {
    case 'all':
      return { seq, at, perspective, view: god() };
    case 'table': {
      if (!state.tables[perspective.tableId]) throw new ReplayError('UNKNOWN_TABLE', `There was no table ${perspective.tableId} at that moment.`);
      return { seq, at, perspective, view: facilitatorViewOfTable(god(), perspective.tableId) };
    }
    case 'seat':
      return { seq, at, perspective, view: project(state, { kind: 'seat', seatId: perspective.seatId }) };
    default: {
      const unreachable: never = perspective;
      return unreachable;
    }
  }
}
