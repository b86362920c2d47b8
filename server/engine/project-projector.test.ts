import { describe, expect, it } from 'vitest';
import { project, PROJECTOR_LINES } from './project';
import { runningGame } from './testing/harness';
import { post } from './testing/expect';

describe("the projector's view", () => {
  it("carries each table's last front-channel lines, in order, not the whole history", () => {
    const g = runningGame(7);
    const leader = g.seatOf('n-leader');
    const total = PROJECTOR_LINES + 7;
    for (let i = 1; i <= total; i++) {
      post(g, leader, 't1:front', `line ${i}`);
      // Secret talk in between is never the projector's, and does not push front lines out.
      if (i % 3 === 0) post(g, leader, 't1:team:north', `team ${i}`);
      g.now += 1000;
    }
    const lines = project(g.game, { kind: 'projector' })!.tables.find((t) => t.id === 't1')!.frontMessages.map((m) => m.text);
    expect(lines).toEqual(Array.from({ length: PROJECTOR_LINES }, (_, i) => `line ${total - PROJECTOR_LINES + 1 + i}`));
  });

  it('shows a quiet table no lines', () => {
    const g = runningGame(7);
    expect(project(g.game, { kind: 'projector' })!.tables.every((t) => t.frontMessages.length === 0)).toBe(true);
  });
});
