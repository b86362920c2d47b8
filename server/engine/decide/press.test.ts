import { opaqueId } from '../queries';

const oid = (prefix: string, n: number) => opaqueId({ salt: 42 }, prefix, n);
import { describe, expect, it } from 'vitest';
import { project } from '../project';
import { facilitator, seat, T0 } from '../testing/harness';
import { briefing9, concludeDeal, eventOf, expectRejected, leakAndPublish, openBack, seatView, table9 } from '../testing/expect';

const story = (tipId?: string, headline = 'Talks stall', body = 'Nothing moves at the border.') => ({ type: 'PublishStory' as const, headline, body, tipId });

describe.each([
  { command: 'Investigate' as const, kind: 'investigation' as const, watcher: 'j' as const, list: 'investigations' as const, event: 'InvestigationStarted' },
  { command: 'Surveil' as const, kind: 'surveillance' as const, watcher: 'nS' as const, list: 'surveillance' as const, event: 'SurveillanceStarted' },
])('$command', ({ command, kind, watcher, list, event }) => {
  it('watches one person for this round and the next, known only to the watcher', () => {
    const c = table9();
    const by = c[watcher];
    expect(c.g.must({ type: command, seatId: c.nL }, seat(by))).toEqual([{ type: event, tableId: 't1', by, target: c.nL, untilPhase: 2, at: c.g.now }]);
    expect(c.g.game.tables.t1?.[list]).toEqual([{ by, target: c.nL, untilPhase: 2 }]);
    expect(seatView(c.g, by).me.watching).toEqual([{ kind, target: c.nL, untilPhase: 2 }]);
    expect(seatView(c.g, c.nL).me.watching).toEqual([]);
  });
  it('allows one new target a round, replacing the old one', () => {
    const c = table9();
    const by = c[watcher];
    c.g.must({ type: command, seatId: c.nL }, seat(by));
    expectRejected(c.g, { type: command, seatId: c.sL }, seat(by), 'LIMIT_REACHED');
    c.g.passDeadline();
    c.g.must({ type: command, seatId: c.sL }, seat(by));
    expect(c.g.game.tables.t1?.[list]).toEqual([{ by, target: c.sL, untilPhase: 3 }]);
  });
  it('refuses other roles, the briefing, unknown targets, oneself, the facilitator and a passed deadline', () => {
    const c = table9();
    const by = c[watcher];
    expectRejected(c.g, { type: command, seatId: c.sL }, seat(c.nE), 'WRONG_ROLE');
    expectRejected(c.g, { type: command, seatId: 's99' }, seat(by), 'UNKNOWN_SEAT');
    expectRejected(c.g, { type: command, seatId: by }, seat(by), 'INVALID_INPUT');
    expectRejected(c.g, { type: command, seatId: c.sL }, facilitator, 'NOT_ALLOWED');
    expectRejected(c.g, { type: command, seatId: c.sL }, seat(by), 'DEADLINE_PASSED', T0 + 180_000);
    const b = briefing9();
    expectRejected(b.g, { type: command, seatId: b.sL }, seat(b[watcher]), 'WRONG_PHASE');
  });
});

describe('PublishStory', () => {
  it('publishes a story without a tip: public, exposing nothing, moving nobody', () => {
    const { g, j } = table9();
    expect(g.must(story(undefined, ' Talks stall '), seat(j))).toEqual([{
      type: 'StoryPublished',
      story: { id: oid('st', 1), tableId: 't1', journalistId: j, headline: 'Talks stall', body: 'Nothing moves at the border.', tipId: null, exposed: null, accurate: null, supportDelta: {}, at: g.now },
      exposedChannelId: null, exposedSecretIssue: null,
    }]);
    expect(g.game.tables.t1?.support).toEqual({ north: 60, south: 55 });
    expect(project(g.state, { kind: 'projector' })?.tables[0]?.stories).toMatchObject([{ headline: 'Talks stall', exposed: null }]);
  });
  it('publishing a leaked back-channel message exposes the channel to all and costs both sides support', () => {
    const c = table9();
    const bc = openBack(c.g, c.nE, [c.sE]);
    const { tipId, story: published } = leakAndPublish(c, bc, c.nE, 'Meet at dawn');
    expect(published).toMatchObject({
      type: 'StoryPublished', exposedChannelId: bc, exposedSecretIssue: null,
      story: { tipId, exposed: '“Meet at dawn” — North Envoy', accurate: true, supportDelta: { north: -8, south: -8 } },
    });
    expect(c.g.game.channels[bc]?.exposed).toBe(true);
    expect(c.g.game.tables.t1?.support).toEqual({ north: 52, south: 47 });
    expect(seatView(c.g, c.j).tips).toMatchObject([{ id: tipId, published: true }]);
    expect(seatView(c.g, c.nE).channels.find((ch) => ch.id === bc)?.exposed).toBe(true);
    expect(seatView(c.g, c.sL).table?.stories).toMatchObject([{ exposed: '“Meet at dawn” — North Envoy' }]);
  });
  it('a story built on a paraphrase lays bare what the tip said, not the secret words the journalist never had', () => {
    const c = table9();
    const bc = openBack(c.g, c.nE, [c.sE]);
    const messageId = eventOf(c.g.must({ type: 'PostMessage', channelId: bc, text: 'We can give up the crossing' }, seat(c.nE)), 'MessagePosted').messageId;
    const tip = eventOf(c.g.must({ type: 'LeakMessage', messageId, form: 'paraphrase' }, facilitator), 'LeakOccurred').tip;
    const [published] = c.g.must(story(tip.id), seat(c.j));
    expect(published).toMatchObject({ exposedChannelId: bc, story: { accurate: true } });
    expect(JSON.stringify(seatView(c.g, c.sL).table?.stories)).not.toContain('We can give up the crossing');
  });
  it('a leaked team message costs only that side, half the backlash', () => {
    const c = table9();
    const { story: published } = leakAndPublish(c, 't1:team:north', c.nE, 'We will fold');
    expect(published).toMatchObject({ exposedChannelId: null, story: { accurate: true, supportDelta: { north: -4 } } });
    expect(c.g.game.tables.t1?.support).toEqual({ north: 56, south: 55 });
  });
  it('a story built on a planted rumour is marked inaccurate, revealed only at the end', () => {
    const { g, j } = table9();
    const tip = eventOf(g.must({ type: 'PlantRumour', tableId: 't1', text: 'North will surrender', to: 'journalists' }, facilitator), 'LeakOccurred').tip;
    const [published] = g.must(story(tip.id), seat(j));
    expect(published).toMatchObject({ exposedChannelId: null, story: { accurate: false, exposed: 'North will surrender', supportDelta: { north: -2, south: -2 } } });
    expect(g.game.tables.t1?.support).toEqual({ north: 58, south: 53 });
    expect(seatView(g, j).table?.stories[0]?.accurate).toBeNull();
    g.must({ type: 'EndSession' }, facilitator);
    expect(seatView(g, j).table?.stories[0]?.accurate).toBe(false);
  });
  it('refuses other roles, a closed press, and empty or overlong headlines and stories', () => {
    const { g, j, nL } = table9();
    expectRejected(g, story(), seat(nL), 'WRONG_ROLE');
    expectRejected(g, story(), facilitator, 'NOT_ALLOWED');
    expectRejected(g, story(undefined, ' '), seat(j), 'MESSAGE_EMPTY');
    expectRejected(g, story(undefined, 'x'.repeat(141)), seat(j), 'MESSAGE_TOO_LONG');
    expectRejected(g, story(undefined, 'Headline', ''), seat(j), 'MESSAGE_EMPTY');
    expectRejected(g, story(undefined, 'Headline', 'x'.repeat(2001)), seat(j), 'MESSAGE_TOO_LONG');
    const b = briefing9();
    expectRejected(b.g, story(), seat(b.j), 'CHANNEL_CLOSED');
    const noPress = table9({ openChannels: { 'round-1': ['front', 'team', 'back'] } });
    expectRejected(noPress.g, story(), seat(noPress.j), 'CHANNEL_CLOSED');
  });
  it('refuses unknown tips, tips meant for others, a tip already published, and a paused clock', () => {
    const c = table9();
    expectRejected(c.g, story(oid('tip', 99)), seat(c.j), 'UNKNOWN_TIP');
    const forSpoilers = eventOf(c.g.must({ type: 'PlantRumour', tableId: 't1', text: 'A rumour', to: 'spoilers' }, facilitator), 'LeakOccurred').tip.id;
    expectRejected(c.g, story(forSpoilers), seat(c.j), 'UNKNOWN_TIP');
    const { tipId } = leakAndPublish(c, 't1:team:south', c.sE);
    expectRejected(c.g, story(tipId), seat(c.j), 'ALREADY_DONE');
    c.g.must({ type: 'Pause' }, facilitator);
    expectRejected(c.g, story(), seat(c.j), 'PAUSED');
  });
});

describe('Mobilise', () => {
  it('has nothing to rally against until something is public', () => {
    const c = table9();
    openBack(c.g, c.nE, [c.sE]);
    expectRejected(c.g, { type: 'Mobilise' }, seat(c.nS), 'NOTHING_TO_MOBILISE');
  });
  it('after a back channel is exposed, costs the spoiler\'s own leadership support, once a round', () => {
    const c = table9();
    leakAndPublish(c, openBack(c.g, c.nE, [c.sE]), c.nE);
    expect(c.g.must({ type: 'Mobilise' }, seat(c.nS))).toEqual([{ type: 'SpoilerMobilised', tableId: 't1', seatId: c.nS, supportDelta: { north: -4 }, at: c.g.now }]);
    expect(c.g.game.tables.t1).toMatchObject({ support: { north: 48, south: 47 }, mobilisations: [{ seatId: c.nS, phase: 1 }] });
    expect(seatView(c.g, c.nS).me.mobilisedThisRound).toBe(true);
    expectRejected(c.g, { type: 'Mobilise' }, seat(c.nS), 'LIMIT_REACHED');
    c.g.passDeadline();
    expect(c.g.must({ type: 'Mobilise' }, seat(c.nS))).toMatchObject([{ type: 'SpoilerMobilised' }]);
  });
  it('rallies against an announced deal', () => {
    const c = table9();
    concludeDeal(c, [{ issueId: 'border', optionId: 'closed', secret: false }]);
    c.g.must({ type: 'AnnounceAgreement' }, seat(c.sL));
    expect(c.g.must({ type: 'Mobilise' }, seat(c.sS))).toMatchObject([{ seatId: c.sS, supportDelta: { south: -4 } }]);
  });
  it('refuses other roles, the facilitator and the briefing', () => {
    const c = table9();
    leakAndPublish(c, openBack(c.g, c.nE, [c.sE]), c.nE);
    expectRejected(c.g, { type: 'Mobilise' }, seat(c.j), 'WRONG_ROLE');
    expectRejected(c.g, { type: 'Mobilise' }, seat(c.nL), 'WRONG_ROLE');
    expectRejected(c.g, { type: 'Mobilise' }, facilitator, 'NOT_ALLOWED');
    const b = briefing9();
    expectRejected(b.g, { type: 'Mobilise' }, seat(b.nS), 'WRONG_PHASE');
  });
});

describe('a second leak from an exposed channel', () => {
  it('costs support again, less than the first (old news), but does not expose the channel twice', () => {
    const c = table9();
    const bc = openBack(c.g, c.nE, [c.sE]);
    leakAndPublish(c, bc, c.nE, 'first');
    const { story: published } = leakAndPublish(c, bc, c.sE, 'second');
    expect(published).toMatchObject({ exposedChannelId: null, story: { exposed: '“second” — South Envoy', supportDelta: { north: -4, south: -4 } } });
    expect(c.g.game.tables.t1?.support).toEqual({ north: 48, south: 43 });
    const { story: third } = leakAndPublish(c, bc, c.nE, 'third');
    expect(third).toMatchObject({ story: { supportDelta: { north: -2, south: -2 } } });
  });
});
