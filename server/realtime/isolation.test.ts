// Isolation: no command a player can send gets it another table's or another channel's messages,
// and no refusal confirms or echoes what it may not see.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFrom, type SeatView } from '../engine';
import { opaqueId } from '../engine/queries';
import { backChannelOf, lastSeq, seat, someTerms, startGame, type Game, type Player, dealWithUsaSpoilers } from '../testing/game-setup';
import { startLiveServer, type LiveServer } from '../testing/live-server';
import { expectedView, PlayerClient, settle } from '../testing/player-client';

let live: LiveServer;
let game: Game;
const ok = { ok: true };
const secrets: string[] = [];
const secret = (what: string) => {
  const text = `${what} ${randomUUID()}`;
  secrets.push(text);
  return text;
};
const ids = { back1: '', back2: '', proposal1: '', proposal2: '', tip2: '', own: '' };
const A = (role: string) => seat(game.players, 't1', role);
const B = (role: string) => seat(game.players, 't2', role);

beforeAll(async () => {
  live = await startLiveServer();
  game = await startGame(live, { players: 12, tableCount: 2, email: 'isolation@school.org' });
  const { api, sessionId } = game;
  await dealWithUsaSpoilers(api, live.server.runtime, sessionId);
  await api.session.start.mutate({ sessionId });
  await api.session.skip.mutate({ sessionId });
  await settle(game.players);
  const post = async (p: Player, channelId: string, text: string) => expect(await p.send({ type: 'PostMessage', channelId, text })).toMatchObject(ok);

  // At the attacker's table (t1): a back channel without the attacker, and the other side's team.
  const topic1 = secret('t1 topic');
  expect(await A('ussr-envoy').send({ type: 'OpenBackChannel', inviteeIds: [A('usa-leader').seatId], topic: topic1 })).toMatchObject(ok);
  ids.back1 = backChannelOf(A('ussr-envoy'), topic1);
  expect(await A('usa-leader').send({ type: 'AnswerInvitation', channelId: ids.back1, accept: true })).toMatchObject(ok);
  await post(A('usa-leader'), ids.back1, secret('t1 back message'));
  expect(await A('ussr-envoy').send({ type: 'Propose', channelId: ids.back1, terms: someTerms(), mode: 'official' })).toMatchObject(ok);
  ids.proposal1 = A('ussr-envoy').view.proposals[0]!.id;
  await post(A('ussr-leader'), 't1:team:ussr', secret('t1 ussr team'));

  // At the other table (t2): everything.
  await post(B('ussr-leader'), 't2:front', secret('t2 front'));
  await post(B('usa-leader'), 't2:team:usa', secret('t2 usa team'));
  await post(B('ussr-envoy'), 't2:team:ussr', secret('t2 ussr team'));
  const topic2 = secret('t2 topic');
  expect(await B('usa-envoy').send({ type: 'OpenBackChannel', inviteeIds: [B('ussr-envoy').seatId], topic: topic2 })).toMatchObject(ok);
  ids.back2 = backChannelOf(B('usa-envoy'), topic2);
  expect(await B('ussr-envoy').send({ type: 'AnswerInvitation', channelId: ids.back2, accept: true })).toMatchObject(ok);
  await post(B('usa-envoy'), ids.back2, secret('t2 back message'));
  expect(await B('ussr-envoy').send({ type: 'Propose', channelId: ids.back2, terms: someTerms(), mode: 'official' })).toMatchObject(ok);
  ids.proposal2 = B('ussr-envoy').view.proposals[0]!.id;
  await api.session.plantRumour.mutate({ sessionId, tableId: 't2', text: secret('t2 rumour'), to: 'journalists' });
  await settle(game.players);
  ids.tip2 = B('washington-correspondent').view.tips[0]!.id;

  // The attacker's own back channel, for attempts that need one.
  expect(await A('usa-envoy').send({ type: 'OpenBackChannel', inviteeIds: [A('ussr-leader').seatId], topic: 'our own' })).toMatchObject(ok);
  ids.own = backChannelOf(A('usa-envoy'), 'our own');
  expect(await A('ussr-leader').send({ type: 'AnswerInvitation', channelId: ids.own, accept: true })).toMatchObject(ok);
}, 30_000);
afterAll(async () => {
  for (const p of game.players) p.close();
  await live.stop();
});

describe('a player trying to reach what is not theirs', () => {
  it('is refused every command aimed at other channels, proposals, tips and seats, with nothing echoed', async () => {
    const envoy = A('usa-envoy');
    const leader = A('ussr-leader');
    const journalist = A('washington-correspondent');
    const spoiler = A('usa-spoiler');
    const otherNames = game.players.filter((p) => p.view.me.tableId === 't2').map((p) => p.view.me.name);
    // A second tab for the busiest attacker: the rate limiter counts per connection and per seat.
    const envoyTab = await PlayerClient.open<SeatView>(live.url, { kind: 'player', room: game.code, token: envoy.welcome!.token! }, { label: 'envoy tab' });
    const attempts: [Player, unknown, string][] = [];
    for (const channelId of ['t2:front', 't2:team:usa', 't2:team:ussr', 't2:press', 't1:team:ussr', ids.back1, ids.back2]) {
      attempts.push([spoiler, { type: 'PostMessage', channelId, text: 'let me in' }, 'UNKNOWN_CHANNEL']);
      attempts.push([envoyTab, { type: 'Propose', channelId, terms: someTerms(false), mode: 'exploratory' }, 'UNKNOWN_CHANNEL']);
    }
    attempts.push([journalist, { type: 'PostMessage', channelId: ids.back2, text: 'let me in' }, 'UNKNOWN_CHANNEL']);
    for (const channelId of [ids.back1, ids.back2]) {
      attempts.push([envoy, { type: 'InviteToBackChannel', channelId, seatId: envoy.seatId }, 'UNKNOWN_CHANNEL']);
      attempts.push([envoy, { type: 'InviteToBackChannel', channelId, seatId: leader.seatId }, 'UNKNOWN_CHANNEL']);
      attempts.push([envoy, { type: 'LeaveBackChannel', channelId }, 'UNKNOWN_CHANNEL']);
      attempts.push([envoy, { type: 'AnswerInvitation', channelId, accept: true }, 'NO_INVITATION']);
    }
    for (const proposalId of [ids.proposal1, ids.proposal2]) {
      attempts.push([envoy, { type: 'AcceptProposal', proposalId }, 'UNKNOWN_PROPOSAL']);
      attempts.push([leader, { type: 'SignProposal', proposalId }, 'UNKNOWN_PROPOSAL']);
      attempts.push([leader, { type: 'Propose', channelId: ids.own, terms: someTerms(), mode: 'official', counterTo: proposalId }, 'UNKNOWN_PROPOSAL']);
    }
    // Seats of the other table are nobody at this one.
    attempts.push([envoyTab, { type: 'OpenBackChannel', inviteeIds: [B('ussr-envoy').seatId], topic: 'across tables' }, 'UNKNOWN_SEAT']);
    attempts.push([envoyTab, { type: 'OpenBackChannel', inviteeIds: [leader.seatId, B('ussr-leader').seatId], topic: 'across tables' }, 'UNKNOWN_SEAT']);
    attempts.push([envoyTab, { type: 'InviteToBackChannel', channelId: ids.own, seatId: B('usa-envoy').seatId }, 'UNKNOWN_SEAT']);
    attempts.push([journalist, { type: 'Investigate', seatId: B('usa-envoy').seatId }, 'UNKNOWN_SEAT']);
    attempts.push([spoiler, { type: 'Surveil', seatId: B('ussr-leader').seatId }, 'UNKNOWN_SEAT']);
    attempts.push([journalist, { type: 'PublishStory', headline: 'Scoop', body: 'Read all about it.', tipId: ids.tip2 }, 'UNKNOWN_TIP']);

    // Every attempt is expected to fail, so the event count must not move while they run.
    const before = lastSeq(live.server.runtime, game.sessionId);
    const wrong: string[] = [];
    const senders = [...new Set(attempts.map(([p]) => p))];
    await Promise.all(
      senders.map(async (sender) => {
        for (const [player, payload, code] of attempts.filter(([p]) => p === sender)) {
          const ack = await player.sendRaw(payload);
          const what = `${player.label} ${JSON.stringify(payload)}`;
          if (ack.ok || ack.code !== code) wrong.push(`${what} → ${JSON.stringify(ack)} (expected ${code})`);
          const echoed = [...secrets, ...otherNames].filter((s) => JSON.stringify(ack).includes(s));
          if (echoed.length) wrong.push(`${what} echoed ${echoed.join(', ')}`);
        }
      }),
    );
    expect(lastSeq(live.server.runtime, game.sessionId)).toBe(before);
    envoyTab.close();
    expect(wrong).toEqual([]);

    // What the attackers hold is their own projection, without a trace of the secrets.
    const attackers = [envoy, leader, journalist, spoiler];
    await settle(attackers);
    for (const p of attackers) {
      expect(p.view).toEqual(expectedView(live.server.runtime, game.sessionId, p.viewer));
      expect(p.view.messages.every((m) => m.channelId === 't1:front' || m.channelId === `t1:team:${p.view.me.role?.side}` || m.channelId === ids.own)).toBe(true);
    }
    // The Soviet leader is entitled to its own team's message, and to nothing else on the list.
    expect(secrets.filter((s) => leader.saw(s))).toEqual(secrets.filter((s) => s.startsWith('t1 ussr team')));
    for (const p of [envoy, journalist, spoiler]) expect(secrets.filter((s) => p.saw(s))).toEqual([]);
  }, 20_000);

  it('ids visible to a player do not reveal how much was said where it cannot look', async () => {
    // Message ids are meant to be opaque (server/engine/queries.ts opaqueId): counted ids would tell
    // a player how many messages were posted in channels it cannot see. The room code is public.
    const journalist = A('washington-correspondent');
    expect(await A('usa-leader').send({ type: 'PostMessage', channelId: 't1:front', text: 'Good morning.' })).toMatchObject(ok);
    expect(await B('usa-leader').send({ type: 'PostMessage', channelId: 't2:team:usa', text: 'Elsewhere, quietly.' })).toMatchObject(ok);
    expect(await A('ussr-envoy').send({ type: 'PostMessage', channelId: ids.back1, text: 'Unseen by the press.' })).toMatchObject(ok);
    expect(await A('ussr-leader').send({ type: 'PostMessage', channelId: 't1:front', text: 'Good morning to you.' })).toMatchObject(ok);
    await settle([journalist]);
    expect(journalist.view.messages.map((m) => m.text)).toEqual(['Good morning.', 'Good morning to you.']);
    const code = journalist.view.session.code;
    const recovered = journalist.view.messages
      .map((m) => ({ id: m.id, n: Array.from({ length: 500 }, (_, k) => k + 1).find((k) => [seedFrom(code), seedFrom(game.sessionId)].some((salt) => opaqueId({ salt }, 'm', k) === m.id)) }))
      .filter((x) => x.n !== undefined);
    // If these ids map back to counters, the gap between two front messages is what was said elsewhere.
    expect(recovered, 'message counters recovered from the public room code').toEqual([]);
  });

  it('nothing a player receives gives away the seed of the leak generator', async () => {
    // Leaks are rolled by the engine from a seeded generator (server/engine/random.ts); a client
    // that knows the seed can replay the rolls. The seed is recorded in the first event.
    const player = A('usa-spoiler');
    const first = (await live.server.stores!.events.load(game.sessionId))[0]!.event;
    if (first.type !== 'SessionCreated') throw new Error('the log does not begin with the session');
    const seed = first.seed;
    const strings = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value === 'string') strings.add(value);
      else if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    for (const r of player.received) collect(JSON.parse(r.json));
    expect([...strings].filter((s) => seedFrom(s) === seed)).toEqual([]);
  });
});
