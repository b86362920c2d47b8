import { describe, expect, it } from 'vitest';
import type { GameEvent } from './events';
import { evolve } from './evolve';
import { fold, T0 } from './testing/harness';
import { AT, acceptedBy, answered, concluded, created, invited, joined, leftChannel, leftRoom, opened, proposed, roundOne, said, SEATS, signedBy } from './testing/history';
import { playRandom } from './testing/random-play';

const { nL, sL, nE, sE } = SEATS;
const term = [{ issueId: 'border', optionId: 'open', secret: false }];

/** Folding `history` and then `event` throws, naming the event and what it refers to. */
function expectLoud(history: GameEvent[], event: GameEvent, names: RegExp) {
  const state = fold(history);
  expect(() => evolve(state, event)).toThrow(names);
  expect(() => evolve(state, event)).toThrow(new RegExp(`^evolve: ${event.type} cannot apply`));
}

describe('evolve fails loudly on an event that refers to nothing', () => {
  it('given no session, when anything but SessionCreated is applied, then it throws; a second SessionCreated throws too', () => {
    expectLoud([], joined('s1', 'Ada'), /no session has been created/);
    expectLoud([created()], created(), /session ABC234 already exists/);
  });

  it('given a lobby, when an event names an unknown seat or joins a seat twice, then it throws', () => {
    const lobby = [created(), joined('s1', 'Ada')];
    expectLoud(lobby, leftRoom('s9'), /seat s9, which does not exist/);
    expectLoud(lobby, { type: 'PlayerKicked', seatId: 's9', at: T0 }, /seat s9/);
    expectLoud(lobby, joined('s1', 'Bea'), /seat s1 already exists/);
    expectLoud(lobby, { type: 'SeatsSwapped', seatA: 's1', seatB: 's9', at: T0 }, /seat s9/);
    expectLoud(lobby, { type: 'SeatsDealt', tableIds: ['t1'], assignments: [{ seatId: 's9', tableId: 't1', roleId: 'n-leader' }], rng: 1, at: T0 }, /seat s9/);
    expectLoud(lobby, { type: 'SeatsDealt', tableIds: ['t1'], assignments: [{ seatId: 's1', tableId: 't2', roleId: 'n-leader' }], rng: 1, at: T0 }, /table t2/);
    expectLoud(lobby, { type: 'SeatsDealt', tableIds: ['t1'], assignments: [{ seatId: 's1', tableId: 't1', roleId: 'king' }], rng: 1, at: T0 }, /role king/);
  });

  it('given a running table, when an event names an unknown table, channel, message, proposal or side, then it throws', () => {
    const h = roundOne();
    expectLoud(h, said('m-1', 'bc-nowhere', nL, 'Hello'), /channel bc-nowhere/);
    expectLoud(h, { ...said('m-1', 't1:front', nL, 'Hello'), tableId: 't2' } as GameEvent, /not t2/);
    expectLoud(h, said('m-1', 't1:front', 's99', 'Hello'), /seat s99/);
    expectLoud(h, { type: 'EscalationRaised', tableId: 't7', by: 1, level: 1, reason: 'x', at: AT }, /table t7/);
    expectLoud(h, { type: 'SeatMoved', seatId: nL, tableId: 't7', roleId: 'n-leader', at: AT }, /table t7/);
    expectLoud(h, { type: 'PreconditionFulfilled', tableId: 't1', by: sL, supportDelta: { west: -5 }, at: AT }, /side west/);
    expectLoud(h, opened('bc-1', nE, ['s99']), /seat s99/);
    expectLoud(h, invited('bc-1', sL, nE), /channel bc-1/);
    expectLoud(h, acceptedBy('p-1', sE, 'south'), /proposal p-1/);
    expectLoud(h, signedBy('p-1', nL), /proposal p-1/);
    expectLoud(h, concluded('p-1'), /proposal p-1/);
    expectLoud(h, { type: 'AgreementAnnounced', tableId: 't1', proposalId: 'p-1', supportDelta: {}, originExposedFirst: false, at: AT }, /an agreement at t1/);
    expectLoud(h, proposed('p-1', 'bc-1', nE, term), /channel bc-1/);
    expectLoud(h, { ...proposed('p-2', 't1:front', nE, term), counterTo: 'p-1' } as GameEvent, /proposal p-1/);
    expectLoud(h, { type: 'BroadcastSent', broadcast: { id: 'b1', tableId: 't9', audience: 'all', kind: 'control', title: 'x', body: 'x', at: AT }, supportDelta: null, escalation: null }, /table t9/);
  });

  it('given a back channel, when someone answers without an invitation or leaves without being in it, then it throws', () => {
    const h = [...roundOne(), opened('bc-1', nE, [sE])];
    expectLoud(h, answered('bc-1', sL), /an invitation of s2 to bc-1/);
    expectLoud(h, leftChannel('bc-1', sL), /s2 is not in bc-1/);
    expectLoud([...h, answered('bc-1', sE), leftChannel('bc-1', sE)], leftChannel('bc-1', sE), /s4 is not in bc-1/);
    expectLoud([...h, answered('bc-1', sE), invited('bc-1', sE, nE)], answered('bc-1', sE), /s4 is already in bc-1/);
    expectLoud(h, opened('bc-1', nE, [sE]), /channel bc-1 already exists/);
  });

  it('folds every log that decide produces, in random play, without a complaint', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const steps = Array.from({ length: 150 }, (_, i) => ({ pick: (seed * 31 + i * 17) % 1000, a: (i * 7 + seed) % 1000, b: (i * 13) % 1000, c: (i * 5 + seed) % 1000, flag: (i + seed) % 3 === 0, dt: (i * 97) % 2000 }));
      const g = playRandom(seed, 4 + (seed % 12), steps);
      expect(fold(g.events)).toEqual(g.state);
    }
  });
});
