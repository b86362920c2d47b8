import { describe, expect, it } from 'vitest';
import { guest, seat, T0 } from './harness';
import { AT, created, joined, roundOne, SEATS, said } from './history';
import { given } from './spec';

describe('given/when/then', () => {
  it('decides a command on the folded history and compares the events exactly', () => {
    const outcome = given([created(), joined('s1', 'Ada')])
      .when({ type: 'Join', name: 'Grace' }, { actor: guest })
      .then([{ type: 'PlayerJoined', seatId: 's2', name: 'Grace', at: T0 }]);
    expect(outcome.seat('s2').lobby.map((s) => s.name)).toEqual(['Ada', 'Grace']);
    expect(outcome.events).toHaveLength(3);
  });

  it('fails when the events differ, when a rejection was expected, or when an event was expected and the command was refused', () => {
    const history = [created(), joined('s1', 'Ada')];
    expect(() => given(history).when({ type: 'Join', name: 'Grace' }, { actor: guest }).then([])).toThrow();
    expect(() => given(history).when({ type: 'Join', name: 'Grace' }, { actor: guest }).thenRejects('NAME_TAKEN')).toThrow();
    expect(() => given(history).when({ type: 'Join', name: 'Ada' }, { actor: guest }).then([])).toThrow(/NAME_TAKEN/);
  });

  it('checks a rejection by code and, if asked, by message', () => {
    given([created(), joined('s1', 'Ada')]).when({ type: 'Join', name: 'ada' }, { actor: guest }).thenRejects('NAME_TAKEN', /already called/);
  });

  it('runs the command right after the history unless told the time, and carries on from an outcome', () => {
    const history = [...roundOne(), said('m-1', 't1:front', SEATS.nL, 'Hello', AT)];
    const outcome = given(history)
      .when({ type: 'PostMessage', channelId: 't1:front', text: 'Hi' }, { actor: seat(SEATS.sL) })
      .then((events) => expect(events).toMatchObject([{ type: 'MessagePosted', at: AT, text: 'Hi' }]));
    outcome.given().when({ type: 'PostMessage', channelId: 't1:front', text: 'Too late' }, { actor: seat(SEATS.sL), now: AT + 500_000 }).thenRejects('DEADLINE_PASSED');
  });
});
