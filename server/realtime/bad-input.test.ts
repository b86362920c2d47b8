// Hostile and clumsy input on the socket: each is refused with a code a program can switch on, and
// none of it changes the session (its event count stays the same).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeatView } from '../engine';
import { gameOf, lastSeq, seat, someTerms, startGame, type Game, dealWithUsaSpoilers } from '../testing/game-setup';
import { ManualTime } from '../runtime/manual-time';
import { startLiveServer, type LiveServer } from '../testing/live-server';
import { expectedView, PlayerClient, settle, waitFor, type Ack } from '../testing/player-client';

let live: LiveServer;
let game: Game;
/** A second session whose deadline the test reaches by moving the server's manual clock. */
let timed: Game;
const time = new ManualTime(Date.now());
const ok = { ok: true };

beforeAll(async () => {
  live = await startLiveServer(undefined, { time });
  // Back channels close in round 2, so a back-channel message there meets a closed channel.
  timed = await startGame(live, { players: 4, email: 'deadline@school.org', prefix: 'D', phaseDurations: { briefing: 5, 'round-1': 5, 'round-2': 5, 'round-3': 5 } });
  await timed.api.session.deal.mutate({ sessionId: timed.sessionId });
  await timed.api.session.start.mutate({ sessionId: timed.sessionId });
  game = await startGame(live, { players: 6, email: 'bad-input@school.org', openChannels: { 'round-2': ['front', 'team', 'press'] } });
  await dealWithUsaSpoilers(game.api, live.server.runtime, game.sessionId);
  await game.api.session.start.mutate({ sessionId: game.sessionId });
}, 20_000);
afterAll(async () => {
  for (const p of [...game.players, ...timed.players]) p.close();
  await live.stop();
});

const role = (id: string) => seat(game.players, 't1', id);
const seq = () => lastSeq(live.server.runtime, game.sessionId);

/** Sends, and checks that the answer is the refusal expected and that nothing was recorded. */
async function refused(player: PlayerClient<SeatView>, payload: unknown, code: string): Promise<Ack & { ok: false }> {
  const before = seq();
  const ack = await player.sendRaw(payload);
  expect(ack, JSON.stringify(payload).slice(0, 200)).toMatchObject({ ok: false, code });
  expect(seq(), `event count after ${JSON.stringify(payload).slice(0, 80)}`).toBe(before);
  return ack as Ack & { ok: false };
}

describe('malformed commands', () => {
  it('refuses payloads that are not command objects with INVALID_PAYLOAD', async () => {
    const p = role('usa-leader');
    for (const payload of ['PostMessage', 42, null, [], true, {}, { type: 42 }]) await refused(p, payload, 'INVALID_PAYLOAD');
    await refused(p, { type: 'DropTables' }, 'INVALID_PAYLOAD');
    // Facilitator commands are not player commands, whatever the payload says.
    await refused(p, { type: 'Skip' }, 'INVALID_PAYLOAD');
    await refused(p, { type: 'ControlBroadcast', text: 'I am Control now' }, 'INVALID_PAYLOAD');
    await refused(p, { type: 'Kick', seatId: role('ussr-leader').seatId }, 'INVALID_PAYLOAD');
    await refused(p, { type: 'Join', name: 'another me' }, 'INVALID_PAYLOAD');
  });

  it('names the field that is wrong', async () => {
    const p = role('ussr-leader');
    expect((await refused(p, { type: 'PostMessage', channelId: 5, text: 'hi' }, 'INVALID_PAYLOAD')).message).toMatch(/channelId/);
    expect((await refused(p, { type: 'PostMessage', channelId: 't1:team:ussr' }, 'INVALID_PAYLOAD')).message).toMatch(/text/);
    expect((await refused(p, { type: 'AnswerInvitation', channelId: 'x', accept: 'yes' }, 'INVALID_PAYLOAD')).message).toMatch(/accept/);
    expect((await refused(p, { type: 'Propose', channelId: 't1:front', terms: [{ issueId: 'a', optionId: 'b' }], mode: 'official' }, 'INVALID_PAYLOAD')).message).toMatch(/terms/);
    expect((await refused(p, { type: 'Propose', channelId: 't1:front', terms: someTerms(), mode: 'binding' }, 'INVALID_PAYLOAD')).message).toMatch(/mode/);
    expect((await refused(p, { type: 'PostMessage', channelId: 't1:team:ussr', text: 'hi', extra: true }, 'INVALID_PAYLOAD')).message).toMatch(/extra/);
  });

  it('refuses a chat message of 2,001 characters, naming the field', async () => {
    const p = role('ussr-envoy');
    const ack = await refused(p, { type: 'PostMessage', channelId: 't1:team:ussr', text: 'x'.repeat(2001) }, 'INVALID_PAYLOAD');
    expect(ack.message).toMatch(/text/);
    expect(ack.message).toMatch(/2000/);
    // 2,000 is fine.
    expect(await p.send({ type: 'PostMessage', channelId: 't1:team:ussr', text: 'y'.repeat(2000) })).toMatchObject(ok);
  });

  it('never takes identity from a payload: another seat\'s id is refused and does not act as that seat', async () => {
    const spoiler = role('usa-spoiler');
    const leader = role('ussr-leader');
    const text = 'Posing as the Soviet leader';
    await refused(spoiler, { type: 'PostMessage', channelId: 't1:team:ussr', text, seatId: leader.seatId }, 'INVALID_PAYLOAD');
    await refused(spoiler, { type: 'PostMessage', channelId: 't1:team:usa', text, playerId: leader.seatId }, 'INVALID_PAYLOAD');
    await refused(spoiler, { type: 'PostMessage', channelId: 't1:team:usa', text, actor: { kind: 'facilitator' } }, 'INVALID_PAYLOAD');
    await refused(spoiler, { type: 'SignProposal', proposalId: 'p-1', by: leader.seatId }, 'INVALID_PAYLOAD');
    expect(gameOf(live.server.runtime, game.sessionId).messages.some((m) => m.text === text)).toBe(false);
    await settle([leader]);
    expect(leader.view.messages.some((m) => m.text === text)).toBe(false);
  });

  it('answers an unknown event name with UNKNOWN_EVENT', async () => {
    const p = role('usa-envoy');
    const before = seq();
    expect(await p.emitWithAck('adminCommand', { type: 'Skip' })).toMatchObject({ ok: false, code: 'UNKNOWN_EVENT' });
    expect(await p.emitWithAck('command:PostMessage', { channelId: 't1:front', text: 'hi' })).toMatchObject({ ok: false, code: 'UNKNOWN_EVENT' });
    (p.socket as unknown as { emit(event: string, ...args: unknown[]): void }).emit('no-ack-at-all', { type: 'Skip' });
    await p.ping();
    expect(seq()).toBe(before);
  });
});

describe('refusals by the rules', () => {
  it('refuses the front channel in the briefing (CHANNEL_CLOSED) and back channels before the rounds (WRONG_PHASE)', async () => {
    expect(role('usa-leader').view.session.phase?.id).toBe('briefing');
    await refused(role('usa-leader'), { type: 'PostMessage', channelId: 't1:front', text: 'Too early.' }, 'CHANNEL_CLOSED');
    // Opening a back channel needs a negotiation round: the engine answers WRONG_PHASE.
    await refused(role('usa-envoy'), { type: 'OpenBackChannel', inviteeIds: [role('ussr-envoy').seatId], topic: 'early' }, 'WRONG_PHASE');
  });

  it('closes the connection on a frame above 16 KB and changes nothing', async () => {
    const p = role('usa-leader');
    const before = seq();
    const messages = gameOf(live.server.runtime, game.sessionId).messages.length;
    p.socket.emit('command', { type: 'PostMessage', channelId: 't1:team:usa', text: 'z'.repeat(17 * 1024) }, () => undefined);
    await waitFor(() => p.disconnected, 'the server to drop the connection');
    expect(seq()).toBe(before);
    expect(gameOf(live.server.runtime, game.sessionId).messages.length).toBe(messages);
    // The player comes back with the seat token.
    const back = await PlayerClient.open<SeatView>(live.url, { kind: 'player', room: game.code, token: p.welcome!.token! }, { label: 'leader again' });
    back.welcome = { ...back.welcome!, token: p.welcome!.token };
    game.players[game.players.indexOf(p)] = back;
    expect(back.view).toEqual(expectedView(live.server.runtime, game.sessionId, back.viewer));
  });

  it('refuses wrong roles with WRONG_ROLE', async () => {
    await game.api.session.skip.mutate({ sessionId: game.sessionId });
    await settle(game.players);
    const journalist = role('washington-correspondent');
    await refused(journalist, { type: 'PostMessage', channelId: 't1:front', text: 'Reporting live from the talks.' }, 'WRONG_ROLE');
    await refused(journalist, { type: 'OpenBackChannel', inviteeIds: [role('ussr-envoy').seatId], topic: 'a scoop' }, 'WRONG_ROLE');
    await refused(role('usa-spoiler'), { type: 'Propose', channelId: 't1:team:usa', terms: someTerms(false), mode: 'official' }, 'WRONG_ROLE');
    await refused(role('usa-envoy'), { type: 'Investigate', seatId: role('ussr-envoy').seatId }, 'WRONG_ROLE');
    await refused(role('usa-envoy'), { type: 'SignProposal', proposalId: 'p-unknown' }, 'WRONG_ROLE');
  });

  it('refuses play while paused with PAUSED', async () => {
    await game.api.session.pause.mutate({ sessionId: game.sessionId });
    await refused(role('usa-envoy'), { type: 'PostMessage', channelId: 't1:front', text: 'Anyone there?' }, 'PAUSED');
    await game.api.session.resume.mutate({ sessionId: game.sessionId });
  });

  it('limits a flood: of 50 commands at once some are RATE_LIMITED, and only those accepted are recorded', async () => {
    // A fresh connection of a seat that has sent little: full buckets.
    const p = await PlayerClient.open<SeatView>(live.url, { kind: 'player', room: game.code, token: role('ussr-leader').welcome!.token! }, { label: 'flooder' });
    const before = seq();
    const acks = await Promise.all(Array.from({ length: 50 }, (_, i) => p.send({ type: 'PostMessage', channelId: 't1:team:ussr', text: `flood ${i}` }, { retry: false })));
    const accepted = acks.filter((a) => a.ok).length;
    const limited = acks.filter((a) => !a.ok && a.code === 'RATE_LIMITED').length;
    expect(accepted + limited).toBe(50);
    expect(accepted).toBeGreaterThan(0);
    expect(limited).toBeGreaterThan(0);
    expect(accepted).toBeLessThanOrEqual(15);
    expect(seq() - before).toBe(accepted);
    expect(gameOf(live.server.runtime, game.sessionId).messages.filter((m) => m.text.startsWith('flood ')).length).toBe(accepted);
    p.close();
  });

  it('refuses a back-channel message in a phase whose back channels are closed (CHANNEL_CLOSED)', async () => {
    const envoy = role('usa-envoy');
    expect(await envoy.send({ type: 'OpenBackChannel', inviteeIds: [role('ussr-envoy').seatId], topic: 'the quiet way' })).toMatchObject(ok);
    const channelId = envoy.view.channels.find((c) => c.kind === 'back')!.id;
    await game.api.session.skip.mutate({ sessionId: game.sessionId });
    await settle([envoy]);
    expect(envoy.view.session.phase?.id).toBe('round-2');
    await refused(envoy, { type: 'PostMessage', channelId, text: 'Still there?' }, 'CHANNEL_CLOSED');
  });
});

describe('the deadline', () => {
  it('refuses with DEADLINE_PASSED a command that arrives after the deadline, before the phase moves on', async () => {
    const state = () => gameOf(live.server.runtime, timed.sessionId);
    const deadlineAt = state().deadlineAt!;
    const phase = state().phaseIndex;
    const p = timed.players.find((x) => x.view.me.role?.side === 'usa')!;
    const before = lastSeq(live.server.runtime, timed.sessionId);
    // The clock reaches the deadline but its timer has not had its turn yet, as on a busy server.
    time.set(deadlineAt);
    const answer = p.send({ type: 'PostMessage', channelId: 't1:team:usa', text: 'Just in time?' }, { retry: false });
    const ack = await answer;
    expect(ack).toMatchObject({ ok: false, code: 'DEADLINE_PASSED' });
    expect(ack.ok ? '' : ack.message).toMatch(/deadline/i);
    expect(state().phaseIndex).toBe(phase);
    time.advanceTo(deadlineAt);
    await waitFor(() => state().phaseIndex === phase + 1, 'the phase to move on');
    const types = (await live.server.stores!.events.load(timed.sessionId, before)).map((e) => e.event.type);
    expect(types).not.toContain('MessagePosted');
    expect(types).toContain('PhaseStarted');
  });
});
