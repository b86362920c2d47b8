import { describe, expect, it } from 'vitest';
import type { GameEvent } from './events';
import { facilitator, seat } from './testing/harness';
import { AT, answered, leftChannel, opened, proposed, roundOne, said, SEATS } from './testing/history';
import { given } from './testing/spec';

const { nL, sL, nE, sE, j } = SEATS;
const SEED = 987_654_321;
const TERMS = [{ issueId: 'prisoners', optionId: 'release', secret: true }];
/** The test crisis, with a distinctive seed, a back channel someone left, a secret proposal and a leak. */
const history: GameEvent[] = [
  ...roundOne().map((e) => (e.type === 'SessionCreated' ? { ...e, seed: SEED } : e)),
  opened('bc-1', nE, [sE, nL]), answered('bc-1', sE), answered('bc-1', nL), said('m-1', 'bc-1', nE, 'Meet at dawn'),
  proposed('p-1', 'bc-1', nE, TERMS), leftChannel('bc-1', nL),
  { type: 'LeakOccurred', rng: null, tip: { id: 'tip-1', tableId: 't1', form: 'quote', text: '“Meet at dawn”', recipients: [j], source: { kind: 'message', messageId: 'm-1', channelId: 'bc-1' }, manual: true, at: AT } },
];

describe('the facilitator\'s view', () => {
  it('given a game in play, then the god view has exactly the dashboard\'s keys', () => {
    expect(Object.keys(given(history).facilitator()).sort()).toEqual(
      ['kind', 'session', 'code', 'status', 'locked', 'scenario', 'options', 'seats', 'tables', 'channels', 'messages', 'tips', 'stories', 'proposals', 'broadcasts', 'scores', 'risks', 'limits'].sort(),
    );
  });

  it('given a game in play, then it shows every secret: back-channel talk, who is in and who left, secret terms, tips and their origin, risks', () => {
    const god = given(history).facilitator();
    expect(god.messages).toEqual([{ id: 'm-1', tableId: 't1', channelId: 'bc-1', author: { kind: 'seat', seatId: nE }, text: 'Meet at dawn', at: AT, leakRisk: 0 }]);
    expect(god.channels['bc-1']).toMatchObject({ members: [nE, sE], formerMembers: [nL], invited: {}, messageCount: 2 });
    expect(god.proposals['p-1']).toMatchObject({ tableId: 't1', terms: TERMS, acceptedBySides: ['north'], status: 'open' });
    expect(god.tips['tip-1']).toMatchObject({ recipients: [j], source: { kind: 'message', messageId: 'm-1' } });
    expect(god.risks['bc-1']).toBeGreaterThan(0);
    expect(god.seats[sL]).toEqual({ id: sL, name: 'sL', status: 'active', tableId: 't1', roleId: 's-leader' });
    expect(god.scenario.roles[0]?.brief.privateFacts).toEqual(['North Leader secret fact']);
  });

  it('given a game in play, then the secret seed, the generator state and the engine\'s counters and membership windows stay out of it', () => {
    const json = JSON.stringify(given(history).facilitator());
    expect(json).not.toContain(String(SEED));
    for (const key of ['"rng"', '"salt"', '"seed"', '"activity"', '"atMessage"', '"stays"', '"lastSeen"', '"n"', '"phaseIndex"']) expect(json, key).not.toContain(key);
  });

  it('given a command changes the game, then the god view follows it', () => {
    const after = given(history)
      .when({ type: 'ControlPost', channelId: 'bc-1', text: 'Control is listening' }, { actor: facilitator })
      .then((events) => expect(events).toHaveLength(1))
      .given()
      .when({ type: 'PostMessage', channelId: 'bc-1', text: 'Who said that?' }, { actor: seat(sE) })
      .then((events) => expect(events[0]).toMatchObject({ type: 'MessagePosted' }));
    expect(after.facilitator().messages.map((m) => m.text)).toEqual(['Meet at dawn', 'Control is listening', 'Who said that?']);
  });
});
