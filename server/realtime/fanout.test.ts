// Fan-out: two tables play over real sockets; after every step each client's tracked view equals
// the engine's projection for it, and no secret text ever reaches a client not entitled to it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBuiltInScenario } from '../scenarios';
import { atTable, backChannelOf, sideOf, someTerms, startGame, seat, type Game, type Player } from '../testing/game-setup';
import { startLiveServer, type LiveServer } from '../testing/live-server';
import { expectedView, PlayerClient, settle } from '../testing/player-client';

let live: LiveServer;
beforeAll(async () => {
  live = await startLiveServer();
});
afterAll(async () => {
  await live.stop();
});

interface Secret {
  what: string;
  text: string;
  entitled: PlayerClient[];
}

function expectInSync(game: Game, clients: PlayerClient[]): void {
  for (const c of clients) {
    expect(c.tracker.view, `${c.label}'s view`).toEqual(expectedView(live.server.runtime, game.sessionId, c.viewer));
    expect(c.resyncs, `${c.label} resynced`).toBe(0);
  }
}

const ok = { ok: true };

describe('fan-out to two tables', () => {
  it('keeps every view equal to its projection and every secret with those entitled to it', async () => {
    const game = await startGame(live, { players: 12, tableCount: 2, email: 'fanout@school.org' });
    const projector = await PlayerClient.open(live.url, { kind: 'projector', room: game.code }, { label: 'projector' });
    const facilitator = await PlayerClient.open(live.url, { kind: 'facilitator', sessionId: game.sessionId }, { label: 'facilitator', cookie: game.cookie });
    const { players, api, sessionId } = game;
    const all: PlayerClient[] = [...players, projector, facilitator];
    const check = async () => {
      await settle(all);
      expectInSync(game, all);
    };
    const secrets: Secret[] = [];
    const secret = (what: string, entitled: PlayerClient[]) => {
      const text = `${what} ${randomUUID()}`;
      secrets.push({ what, text, entitled: [...entitled, facilitator] });
      return text;
    };
    const post = async (p: Player, channelId: string, text: string) => expect(await p.send({ type: 'PostMessage', channelId, text })).toMatchObject(ok);

    await check(); // the lobby
    // The lone spoiler's side is drawn at deal time, so this test does not move anyone: a seat
    // moved after the deal has already, rightly, read the brief it was dealt first.
    await api.session.deal.mutate({ sessionId });
    await check();
    const t1 = atTable(players, 't1');
    const t2 = atTable(players, 't2');
    expect([t1.length, t2.length]).toEqual([6, 6]);
    const team = (table: Player[], side: string) => table.filter((p) => sideOf(p) === side);
    const A = (role: string) => seat(players, 't1', role);
    const B = (role: string) => seat(players, 't2', role);

    await api.session.start.mutate({ sessionId });
    await check();

    // Briefing: only the team channels are open.
    await post(A('usa-leader'), 't1:team:usa', secret('t1 usa team, briefing', team(t1, 'usa')));
    await post(A('ussr-envoy'), 't1:team:ussr', secret('t1 ussr team, briefing', team(t1, 'ussr')));
    const spoilerB = t2.find((p) => p.view.me.role?.kind === 'spoiler')!;
    const spoilerSide = sideOf(spoilerB)!;
    await post(spoilerB, `t2:team:${spoilerSide}`, secret(`t2 ${spoilerSide} team, briefing`, team(t2, spoilerSide)));
    await check();

    await api.session.skip.mutate({ sessionId });
    await check();
    expect(A('usa-leader').view.session.phase?.id).toBe('round-1');

    // Front channels: the whole table and the projector, never the other table.
    await post(A('ussr-leader'), 't1:front', secret('t1 front', [...t1, projector]));
    await post(B('usa-envoy'), 't2:front', secret('t2 front', [...t2, projector]));
    await check();

    // A back channel at each table, opened and accepted.
    const leadersAndEnvoys1 = [A('usa-leader'), A('ussr-leader'), A('usa-envoy'), A('ussr-envoy')];
    const topic1 = secret('t1 back topic', leadersAndEnvoys1);
    expect(await A('usa-envoy').send({ type: 'OpenBackChannel', inviteeIds: [A('ussr-envoy').seatId], topic: topic1 })).toMatchObject(ok);
    await check();
    const back1 = backChannelOf(A('usa-envoy'), topic1);
    expect(await A('ussr-envoy').send({ type: 'AnswerInvitation', channelId: back1, accept: true })).toMatchObject(ok);
    const topic2 = secret('t2 back topic', [B('usa-leader'), B('ussr-leader')]);
    expect(await B('usa-leader').send({ type: 'OpenBackChannel', inviteeIds: [B('ussr-leader').seatId], topic: topic2 })).toMatchObject(ok);
    const back2 = backChannelOf(B('usa-leader'), topic2);
    expect(await B('ussr-leader').send({ type: 'AnswerInvitation', channelId: back2, accept: true })).toMatchObject(ok);
    await check();

    // Messages in them. The t1 US leader, brought in later, sees only what is said from then on.
    const back1Envoys = [A('usa-envoy'), A('ussr-envoy')];
    const back1Readers = [...back1Envoys, A('usa-leader')];
    await post(A('usa-envoy'), back1, secret('t1 back, first', back1Envoys));
    await post(A('ussr-envoy'), back1, secret('t1 back, second', back1Envoys));
    await post(B('ussr-leader'), back2, secret('t2 back', [B('usa-leader'), B('ussr-leader')]));
    await check();

    // Invitations: one declined, one accepted.
    expect(await A('usa-envoy').send({ type: 'InviteToBackChannel', channelId: back1, seatId: A('ussr-leader').seatId })).toMatchObject(ok);
    await check();
    expect(await A('ussr-leader').send({ type: 'AnswerInvitation', channelId: back1, accept: false })).toMatchObject(ok);
    expect(await A('ussr-envoy').send({ type: 'InviteToBackChannel', channelId: back1, seatId: A('usa-leader').seatId })).toMatchObject(ok);
    await check();
    expect(await A('usa-leader').send({ type: 'AnswerInvitation', channelId: back1, accept: true })).toMatchObject(ok);
    await check();
    expect(A('usa-leader').view.messages.filter((m) => m.channelId === back1)).toHaveLength(0);

    // A proposal in the back channel, accepted by the other side.
    expect(await A('usa-envoy').send({ type: 'Propose', channelId: back1, terms: someTerms(), mode: 'official' })).toMatchObject(ok);
    await check();
    const proposal = A('ussr-envoy').view.proposals.find((p) => p.channelId === back1);
    expect(proposal).toBeDefined();
    expect(await A('ussr-envoy').send({ type: 'AcceptProposal', proposalId: proposal!.id })).toMatchObject(ok);
    await check();

    // The facilitator: a broadcast to all, one to table 2, intelligence for one side, Control in a back channel.
    await api.session.broadcast.mutate({ sessionId, text: `to everyone ${randomUUID()}` });
    await api.session.broadcast.mutate({ sessionId, tableId: 't2', text: secret('broadcast to t2', t2) });
    const ussrEverywhere = players.filter((p) => sideOf(p) === 'ussr');
    await api.session.writeInject.mutate({ sessionId, title: 'Intelligence', audience: 'ussr', body: secret('ussr intelligence', ussrEverywhere) });
    await api.session.controlPost.mutate({ sessionId, channelId: back1, text: secret('control in t1 back', back1Readers) });
    await check();

    // The US leader leaves the back channel: what is said afterwards is not for them.
    expect(await A('usa-leader').send({ type: 'LeaveBackChannel', channelId: back1 })).toMatchObject(ok);
    await post(A('ussr-envoy'), back1, secret('t1 back after the leader left', [A('usa-envoy'), A('ussr-envoy')]));
    await check();

    await api.session.skip.mutate({ sessionId });
    await check();
    expect(B('ussr-envoy').view.session.phase?.id).toBe('round-2');
    await post(B('ussr-envoy'), 't2:team:ussr', secret('t2 ussr team, round 2', team(t2, 'ussr')));
    await check();

    // Confidential briefs: facts found in one role's brief only reach the seats holding that role.
    const scenario = getBuiltInScenario('cuban-missile-crisis')!;
    for (const role of scenario.roles) {
      const others = scenario.roles.filter((r) => r.id !== role.id).map((r) => JSON.stringify(r.brief));
      const fact = role.brief.privateFacts.find((f) => !others.some((o) => o.includes(JSON.stringify(f).slice(1, -1))));
      if (!fact) continue;
      secrets.push({ what: `brief of ${role.id}`, text: fact, entitled: [...players.filter((p) => p.view.me.role?.id === role.id), facilitator] });
    }

    const leaked: string[] = [];
    const missing: string[] = [];
    for (const s of secrets) {
      for (const c of all) {
        if (!s.entitled.includes(c) && c.saw(s.text)) leaked.push(`${c.label} (${c.welcome?.seatId ?? c.welcome?.kind}) received “${s.what}”`);
        if (s.entitled.includes(c) && !c.saw(s.text)) missing.push(`${c.label} never received “${s.what}”`);
      }
    }
    expect(leaked).toEqual([]);
    expect(missing).toEqual([]);
    for (const c of all) c.close();
  }, 30_000);

  it('keeps views in sync when the facilitator swaps seats across tables after table broadcasts', async () => {
    const game = await startGame(live, { players: 8, tableCount: 2, email: 'swap@school.org', prefix: 'S' });
    const facilitator = await PlayerClient.open(live.url, { kind: 'facilitator', sessionId: game.sessionId }, { label: 'facilitator', cookie: game.cookie });
    const all: PlayerClient[] = [...game.players, facilitator];
    const { api, sessionId, players } = game;
    await api.session.deal.mutate({ sessionId });
    await api.session.broadcast.mutate({ sessionId, text: 'Welcome, everyone.' });
    await api.session.broadcast.mutate({ sessionId, tableId: 't1', text: 'Table 1: your room is on the left.' });
    await api.session.broadcast.mutate({ sessionId, tableId: 't2', text: 'Table 2: your room is on the right.' });
    await api.session.broadcast.mutate({ sessionId, text: 'We start in two minutes.' });
    await settle(all);
    expectInSync(game, all);
    const a = atTable(players, 't1')[0]!;
    const b = atTable(players, 't2')[0]!;
    await api.session.swap.mutate({ sessionId, seatA: a.seatId, seatB: b.seatId });
    await settle(all);
    expect(a.view.me.tableId).toBe('t2');
    // Same number of broadcasts, same first and last: the patch must still replace the middle one.
    expect(a.view.broadcasts.map((x) => x.body)).toEqual(['Welcome, everyone.', 'Table 2: your room is on the right.', 'We start in two minutes.']);
    expectInSync(game, all);
    for (const c of all) c.close();
  });
});
