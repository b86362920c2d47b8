import { opaqueId } from '../queries';

const oid = (prefix: string, n: number) => opaqueId({ salt: 42 }, prefix, n);
import { describe, expect, it } from 'vitest';
import { leakRisk } from '../leak-risk';
import { project } from '../project';
import { facilitator, runningGame, seat } from '../testing/harness';
import { concludeDeal, eventOf, expectRejected, openBack, post, seatView, table9, types, withLeak, type Cast } from '../testing/expect';

const riskOf = (c: Cast, bc: string) => leakRisk(c.g.game, c.g.game.channels[bc]!);
const sorted = (ids: string[]) => [...ids].sort();
const certain = (patch = {}) => withLeak({ maxRisk: 1, ...patch });

describe('leak risk of a back-channel message', () => {
  it('starts at the base rate for two people, and grows with members, messages and rounds open', () => {
    const c = table9();
    const bc = openBack(c.g, c.nE, [c.sE]);
    expect(riskOf(c, bc)).toBeCloseTo(0.05);
    for (let i = 0; i < 10; i++) post(c.g, c.nE, bc, `message ${i}`);
    expect(riskOf(c, bc)).toBeCloseTo(0.05 * 1.5);
    c.g.must({ type: 'InviteToBackChannel', channelId: bc, seatId: c.nL }, seat(c.nE));
    expect(riskOf(c, bc)).toBeCloseTo(0.05 * 1.5);
    c.g.must({ type: 'AnswerInvitation', channelId: bc, accept: true }, seat(c.nL));
    expect(riskOf(c, bc)).toBeCloseTo(0.05 * 1.5 * 1.5);
    c.g.passDeadline();
    expect(riskOf(c, bc)).toBeCloseTo(0.05 * 1.5 * 1.5 * 1.5);
    c.g.must({ type: 'LeaveBackChannel', channelId: bc }, seat(c.nL));
    expect(riskOf(c, bc)).toBeCloseTo(0.05 * 1.5 * 1.5);
  });
  it('is recorded on each message as the channel is used', () => {
    const c = table9();
    const bc = openBack(c.g, c.nE, [c.sE]);
    const risks = [0, 1, 2].map((i) => eventOf(post(c.g, c.sE, bc, `m${i}`), 'MessagePosted').leakRisk);
    expect(risks.map((r) => r?.toFixed(4))).toEqual(['0.0500', '0.0525', '0.0550']);
  });
  it('grows with journalist investigation and spoiler surveillance of its members only', () => {
    const c = table9();
    const bc = openBack(c.g, c.nE, [c.sE]);
    c.g.must({ type: 'Investigate', seatId: c.sL }, seat(c.j));
    expect(riskOf(c, bc)).toBeCloseTo(0.05);
    c.g.passDeadline();
    c.g.must({ type: 'Investigate', seatId: c.nE }, seat(c.j));
    const base = 0.05 * 1.5;
    expect(riskOf(c, bc)).toBeCloseTo(base * 2);
    c.g.must({ type: 'Surveil', seatId: c.sE }, seat(c.sS));
    expect(riskOf(c, bc)).toBeCloseTo(base * 2 * 2);
  });
  it('never exceeds the scenario\'s cap, and is zero at leak sensitivity 0', () => {
    const high = table9({ leakSensitivity: 100 });
    expect(riskOf(high, openBack(high.g, high.nE, [high.sE]))).toBe(0.6);
    const none = table9({ leakSensitivity: 0 });
    const bc = openBack(none.g, none.nE, [none.sE]);
    expect(riskOf(none, bc)).toBe(0);
    for (let i = 0; i < 40; i++) expect(types(post(none.g, i % 2 ? none.nE : none.sE, bc, `secret ${i}`))).toEqual(['MessagePosted']);
    expect(none.g.game.tips.values()).toEqual([]);
  });
});

describe('a leak', () => {
  it('at high enough sensitivity, tips the journalist, never the people in the channel', () => {
    const c = table9({ leakSensitivity: 100 }, certain({ quoteChance: 1 }));
    const bc = openBack(c.g, c.nE, [c.sE]);
    const events = post(c.g, c.nE, bc, 'Meet at dawn');
    expect(types(events)).toEqual(['MessagePosted', 'LeakOccurred']);
    const posted = eventOf(events, 'MessagePosted');
    const leak = eventOf(events, 'LeakOccurred');
    expect(leak).toMatchObject({
      rng: posted.rng,
      tip: { id: oid('tip', 1), tableId: 't1', form: 'quote', text: '“Meet at dawn” — North Envoy, in a private conversation.', source: { kind: 'message', messageId: posted.messageId, channelId: bc }, manual: false },
    });
    expect(leak.tip.recipients).toContain(c.j);
    expect(leak.tip.recipients).not.toContain(c.nE);
    expect(leak.tip.recipients).not.toContain(c.sE);
    expect(c.g.game.tips.get(oid("tip", 1))).toEqual(leak.tip);
    expect(seatView(c.g, c.j).tips).toMatchObject([{ id: oid('tip', 1), form: 'quote', published: false }]);
    expect([c.nE, c.sE, c.nL].map((id) => seatView(c.g, id).tips)).toEqual([[], [], []]);
  });
  it('may come as a paraphrase naming who talks about what', () => {
    const c = table9({ leakSensitivity: 100 }, certain({ quoteChance: 0 }));
    const bc = openBack(c.g, c.nE, [c.sE]);
    expect(eventOf(post(c.g, c.nE, bc, 'Meet at dawn'), 'LeakOccurred').tip).toMatchObject({
      form: 'paraphrase', text: 'Sources say North Envoy and South Envoy are privately discussing the border.',
    });
  });
  it('always reaches a spoiler watching a member, and other spoilers only by chance', () => {
    const watched = table9({ leakSensitivity: 100 }, certain({ spoilerTipChance: 0 }));
    watched.g.must({ type: 'Surveil', seatId: watched.nE }, seat(watched.nS));
    const bc = openBack(watched.g, watched.nE, [watched.sE]);
    expect(sorted(eventOf(post(watched.g, watched.sE, bc, 'x'), 'LeakOccurred').tip.recipients)).toEqual(sorted([watched.j, watched.nS]));
    const all = table9({ leakSensitivity: 100 }, certain({ spoilerTipChance: 1 }));
    const bc2 = openBack(all.g, all.nE, [all.sE]);
    expect(sorted(eventOf(post(all.g, all.sE, bc2, 'x'), 'LeakOccurred').tip.recipients)).toEqual(sorted([all.j, all.nS, all.sS]));
  });
  it('is reproduced exactly by the same seed', () => {
    const play = () => {
      const c = table9({ leakSensitivity: 3 });
      const bc = openBack(c.g, c.nE, [c.sE, c.sL]);
      for (let i = 0; i < 30; i++) post(c.g, i % 2 ? c.nE : c.sL, bc, `line ${i}`);
      return c.g.events;
    };
    const first = play();
    expect(first.some((e) => e.type === 'LeakOccurred')).toBe(true);
    expect(play()).toEqual(first);
  });
});

describe('LeakMessage', () => {
  it('leaks a back-channel message by hand to every journalist and spoiler outside it', () => {
    const c = table9();
    const bc = openBack(c.g, c.nE, [c.sE]);
    const messageId = eventOf(post(c.g, c.nE, bc, 'Meet at dawn'), 'MessagePosted').messageId;
    const events = c.g.must({ type: 'LeakMessage', messageId, form: 'quote' }, facilitator);
    expect(events).toMatchObject([{
      type: 'LeakOccurred', rng: null,
      tip: { id: oid('tip', 1), tableId: 't1', form: 'quote', text: '“Meet at dawn” — North Envoy, in a private conversation.', source: { kind: 'message', messageId, channelId: bc }, manual: true, at: c.g.now },
    }]);
    expect(sorted(eventOf(events, 'LeakOccurred').tip.recipients)).toEqual(sorted([c.j, c.nS, c.sS]));
    const paraphrase = c.g.must({ type: 'LeakMessage', messageId, form: 'paraphrase' }, facilitator);
    expect(paraphrase).toMatchObject([{ tip: { id: oid('tip', 2), form: 'paraphrase', text: 'Sources say North Envoy and South Envoy are privately discussing the border.' } }]);
  });
  it('leaks a team message to those outside the team', () => {
    const c = table9();
    const messageId = eventOf(post(c.g, c.nL, 't1:team:north', 'We will fold'), 'MessagePosted').messageId;
    const tip = eventOf(c.g.must({ type: 'LeakMessage', messageId, form: 'paraphrase' }, facilitator), 'LeakOccurred').tip;
    expect(sorted(tip.recipients)).toEqual(sorted([c.j, c.sS]));
    expect(tip.text).toBe('Sources say the North camp are privately discussing the crisis.');
  });
  it('refuses players, unknown and public messages and an ended session; at a table with no journalist the tip goes to the press desk', () => {
    const c = table9();
    const front = eventOf(post(c.g, c.nL, 't1:front', 'On the record'), 'MessagePosted').messageId;
    const team = eventOf(post(c.g, c.nL, 't1:team:north', 'Off the record'), 'MessagePosted').messageId;
    expectRejected(c.g, { type: 'LeakMessage', messageId: team, form: 'quote' }, seat(c.nS), 'NOT_ALLOWED');
    expectRejected(c.g, { type: 'LeakMessage', messageId: oid('m', 99), form: 'quote' }, facilitator, 'UNKNOWN_MESSAGE');
    expectRejected(c.g, { type: 'LeakMessage', messageId: front, form: 'quote' }, facilitator, 'INVALID_INPUT');
    const small = runningGame(6, { tableCount: 1 });
    const lone = eventOf(small.must({ type: 'PostMessage', channelId: 't1:team:north', text: 'x' }, seat(small.seatOf('n-leader'))), 'MessagePosted').messageId;
    const desk = eventOf(small.must({ type: 'LeakMessage', messageId: lone, form: 'quote' }, facilitator), 'LeakOccurred').tip;
    expect(desk).toMatchObject({ recipients: [], pressDesk: true });
    c.g.must({ type: 'EndSession' }, facilitator);
    expectRejected(c.g, { type: 'LeakMessage', messageId: team, form: 'quote' }, facilitator, 'SESSION_ENDED');
  });
});

describe('PlantRumour', () => {
  it('plants a false tip with journalists, spoilers or both', () => {
    const c = table9();
    const rumour = (to: 'journalists' | 'spoilers' | 'both') => eventOf(c.g.must({ type: 'PlantRumour', tableId: 't1', text: ' North will fold ', to }, facilitator), 'LeakOccurred');
    expect(rumour('journalists')).toEqual({
      type: 'LeakOccurred', rng: null,
      tip: { id: oid('tip', 1), tableId: 't1', form: 'paraphrase', text: 'North will fold', recipients: [c.j], source: { kind: 'rumour' }, manual: true, at: c.g.now },
    });
    expect(sorted(rumour('spoilers').tip.recipients)).toEqual(sorted([c.nS, c.sS]));
    expect(sorted(rumour('both').tip.recipients)).toEqual(sorted([c.j, c.nS, c.sS]));
    expect(c.g.game.tips.ids()).toEqual([oid('tip', 1), oid('tip', 2), oid('tip', 3)]);
  });
  it('refuses players, unknown tables, bad text, a table with nobody to tell and an ended session', () => {
    const c = table9();
    const plant = (tableId = 't1', text = 'A rumour') => ({ type: 'PlantRumour' as const, tableId, text, to: 'both' as const });
    expectRejected(c.g, plant(), seat(c.j), 'NOT_ALLOWED');
    expectRejected(c.g, plant('t9'), facilitator, 'UNKNOWN_TABLE');
    expectRejected(c.g, plant('t1', '  '), facilitator, 'MESSAGE_EMPTY');
    expectRejected(c.g, plant('t1', 'x'.repeat(2001)), facilitator, 'MESSAGE_TOO_LONG');
    expectRejected(runningGame(6, { tableCount: 1 }), plant(), facilitator, 'INVALID_INPUT');
    c.g.must({ type: 'EndSession' }, facilitator);
    expectRejected(c.g, plant(), facilitator, 'SESSION_ENDED');
  });
});

describe('secret terms of a concluded deal', () => {
  it('can leak at a deadline, once, and a story on it exposes the clause', () => {
    const c = table9({}, withLeak({ secretTermRate: 1 }));
    const { proposalId } = concludeDeal(c);
    const leak = eventOf(c.g.passDeadline(), 'LeakOccurred');
    expect(leak.tip).toMatchObject({ form: 'paraphrase', text: 'Sources say the deal has a secret clause — Prisoners: Release them.', source: { kind: 'secretTerm', proposalId, issueId: 'prisoners' }, manual: false });
    expect(leak.tip.recipients).toContain(c.j);
    expect(leak.tip.recipients).not.toContain(c.nL);
    expect(leak.tip.recipients).not.toContain(c.sL);
    expect(c.g.game.rng).toBe(leak.rng);
    const [story] = c.g.must({ type: 'PublishStory', headline: 'Secret clause', body: 'Prisoners go free.', tipId: leak.tip.id }, seat(c.j));
    expect(story).toMatchObject({ exposedSecretIssue: 'prisoners', exposedChannelId: null, story: { accurate: true, supportDelta: { north: 3, south: 3 } } });
    expect(c.g.game.tables.t1?.agreement?.exposedSecretIssues).toEqual(['prisoners']);
    c.g.must({ type: 'AnnounceAgreement' }, seat(c.nL));
    expect(project(c.g.state, { kind: 'projector' })?.tables[0]?.agreement?.terms.map((t) => t.issueId)).toEqual(['border', 'prisoners']);
    expect(types(c.g.passDeadline())).not.toContain('LeakOccurred');
  });
  it('never leak when the rate or the sensitivity is zero', () => {
    const c = table9({ leakSensitivity: 0 }, withLeak({ secretTermRate: 1 }));
    concludeDeal(c);
    expect(types(c.g.passDeadline())).not.toContain('LeakOccurred');
  });
  it('draw afresh at each deadline: the generator moves on even when nothing leaked', () => {
    const c = table9({}, withLeak({ secretTermRate: 1e-9 }));
    concludeDeal(c);
    const before = c.g.game.rng;
    expect(types(c.g.passDeadline())).not.toContain('LeakOccurred');
    expect(c.g.game.rng).not.toBe(before);
  });
});
