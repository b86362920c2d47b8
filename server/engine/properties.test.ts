import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide } from './decide';
import type { GameEvent } from './events';
import { project } from './project';
import { namesCollide } from './names';
import { clamp } from './queries';
import { sessionClock } from './table-clock';
import { fold, active } from './testing/harness';
import { playRandom, type Step } from './testing/random-play';
import type { ActiveGame } from './state';
import { eventOf, facilitator, openBack, post, seat, table9 } from './testing/expect';

const step: fc.Arbitrary<Step> = fc.record({
  pick: fc.nat(1000),
  a: fc.nat(1000),
  b: fc.nat(1000),
  c: fc.nat(1000),
  flag: fc.boolean(),
  dt: fc.oneof({ arbitrary: fc.nat(2_000), weight: 20 }, { arbitrary: fc.nat(60_000), weight: 1 }),
});
const sequence = fc.record({ seed: fc.integer(), players: fc.integer({ min: 4, max: 16 }), steps: fc.array(step, { minLength: 10, maxLength: 120 }) });

const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);

/**
 * An oracle for secrecy, built from the event log alone (not from the engine's own visibility
 * code): who was in each back channel when each message was posted and each proposal tabled.
 * A seat is entitled to exactly those (whether it came in later, left, or came back).
 */
function backChannelEntitlement(events: GameEvent[]) {
  const present = new Map<string, Set<string>>();
  const heardBy = new Map<string, Set<string>>();
  for (const e of events) {
    if (e.type === 'BackChannelOpened') present.set(e.channelId, new Set([e.by]));
    if (e.type === 'InvitationAnswered' && e.accepted) present.get(e.channelId)?.add(e.seatId);
    if (e.type === 'BackChannelLeft') present.get(e.channelId)?.delete(e.seatId);
    if (e.type === 'PlayerKicked') for (const members of present.values()) members.delete(e.seatId);
    if (e.type === 'MessagePosted') heardBy.set(e.messageId, new Set(present.get(e.channelId)));
    if (e.type === 'ProposalMade') heardBy.set(e.proposalId, new Set(present.get(e.channelId)));
  }
  return (seatId: string, messageOrProposalId: string): boolean => heardBy.get(messageOrProposalId)?.has(seatId) ?? false;
}

function checkSecrecy(game: ActiveGame, events: GameEvent[]) {
  const entitledBack = backChannelEntitlement(events);
  const posted = events.filter((e): e is Extract<GameEvent, { type: 'MessagePosted' }> => e.type === 'MessagePosted');
  const tips = events.flatMap((e) => (e.type === 'LeakOccurred' ? [e.tip] : []));
  const tabled = events.filter((e): e is Extract<GameEvent, { type: 'ProposalMade' }> => e.type === 'ProposalMade');
  for (const seat of Object.values(game.seats)) {
    const view = project(game, { kind: 'seat', seatId: seat.id });
    expect(view).not.toBeNull();
    const json = JSON.stringify(view);
    const role = game.scenario.roles.find((r) => r.id === seat.roleId);
    const sideOfSeat = role?.side ?? null;
    for (const m of posted) {
      const channel = game.channels[m.channelId];
      let entitled = seat.status === 'active' && seat.tableId === m.tableId;
      if (channel?.kind === 'team') entitled &&= sideOfSeat === channel.side;
      if (channel?.kind === 'back') entitled &&= entitledBack(seat.id, m.messageId);
      const shown = view!.messages.some((v) => v.id === m.messageId);
      if (!entitled) {
        expect(shown, `${seat.id} sees ${m.messageId} in ${m.channelId}`).toBe(false);
        if (channel?.kind !== 'front' && channel?.kind !== 'press') expect(json.includes(`"${m.text}"`), `${seat.id} payload holds ${m.text}`).toBe(false);
      } else {
        expect(shown, `${seat.id} misses ${m.messageId}`).toBe(true);
      }
    }
    for (const p of tabled) {
      const channel = game.channels[p.channelId];
      let entitled = seat.status === 'active' && seat.tableId === p.tableId;
      if (channel?.kind === 'team') entitled &&= sideOfSeat === channel.side;
      if (channel?.kind === 'back') entitled &&= entitledBack(seat.id, p.proposalId);
      expect(view!.proposals.some((v) => v.id === p.proposalId), `${seat.id} ${entitled ? 'misses' : 'sees'} proposal ${p.proposalId}`).toBe(entitled);
    }
    for (const tip of tips) {
      const mine = tip.recipients.includes(seat.id) && seat.status === 'active';
      expect(view!.tips.some((t) => t.id === tip.id)).toBe(mine);
    }
    for (const other of game.scenario.roles) {
      if (other.id === seat.roleId && seat.status === 'active') continue;
      for (const fact of other.brief.privateFacts) expect(json.includes(fact), `${seat.id} sees ${other.id}'s brief`).toBe(false);
    }
    for (const secretKey of ['"leakRisk"', '"rng"', '"source"', '"recipients"']) expect(json.includes(secretKey)).toBe(false);
    // `can` names only what the rest of the view shows: its channels, its proposals, the people at its table.
    const can = view!.can;
    if (can) {
      const channelIds = new Set(view!.channels.map((c) => c.id));
      const backIds = new Set(view!.channels.filter((c) => c.kind === 'back').map((c) => c.id));
      const proposalIds = new Set(view!.proposals.map((p) => p.id));
      const people = new Set(view!.table?.seats.map((p) => p.id));
      for (const key of [...Object.keys(can.post), ...Object.keys(can.propose)]) expect(channelIds.has(key), `${seat.id}'s can names channel ${key}`).toBe(true);
      for (const key of [...Object.keys(can.invite), ...Object.keys(can.leaveBackChannel)]) expect(backIds.has(key), `${seat.id}'s can names back channel ${key}`).toBe(true);
      for (const key of [...Object.keys(can.accept), ...Object.keys(can.sign)]) expect(proposalIds.has(key), `${seat.id}'s can names proposal ${key}`).toBe(true);
      for (const a of [can.openBackChannel, can.investigate, can.surveil, ...Object.values(can.invite)]) for (const id of a.seats) expect(people.has(id)).toBe(true);
      // Told of a deal only by a view that shows it, or as one of its signatories.
      const told = [can.announce, can.renege, ...Object.values(can.propose), ...Object.values(can.sign)].some((a) => !a.ok && (a.code === 'AGREEMENT_EXISTS' || a.code === 'AGREEMENT_PUBLIC'));
      const agreement = seat.tableId ? game.tables[seat.tableId]?.agreement : null;
      const signatory = agreement ? game.proposals[agreement.proposalId]?.signedBy.includes(seat.id) : false;
      if (told || can.announce.ok) expect(view!.table?.agreement !== null || signatory, `${seat.id} is told of a deal it cannot see`).toBe(true);
    }
    if (game.status !== 'ended') expect(json.includes('"accurate":true') || json.includes('"accurate":false')).toBe(false);
  }
  const projector = JSON.stringify(project(game, { kind: 'projector' }));
  for (const m of posted) {
    const kind = game.channels[m.channelId]?.kind;
    if (kind === 'back' || kind === 'team') expect(projector.includes(`"${m.text}"`)).toBe(false);
  }
  // A tip becomes public only when a story prints it. Two tips can say the same words (two
  // paraphrases of one channel, a message leaked twice): once one is printed, the other's text is
  // public too, and finding it on the projector is no leak.
  const published = new Set(events.flatMap((e) => (e.type === 'StoryPublished' && e.story.tipId ? [e.story.tipId] : [])));
  const printed = new Set(tips.filter((t) => published.has(t.id)).map((t) => t.text));
  // Matched as a whole JSON string, as messages are above: random play's texts are numbered
  // ("rumour-1"), and a printed "rumour-13" contains an unpublished "rumour-1" without showing it.
  for (const tip of tips) if (!printed.has(tip.text)) expect(projector.includes(JSON.stringify(tip.text)), `projector shows unpublished ${tip.id}`).toBe(false);
}

/** Everything a seat's view holds about one channel. */
function channelAsSeen(game: ActiveGame, seatId: string, channelId: string) {
  const view = project(game, { kind: 'seat', seatId });
  return {
    channel: view?.channels.find((c) => c.id === channelId),
    messages: view?.messages.filter((m) => m.channelId === channelId),
    proposals: view?.proposals.filter((p) => p.channelId === channelId),
  };
}

function checkInvariants(game: ActiveGame) {
  const activeSeats = Object.values(game.seats).filter((s) => s.status === 'active');
  activeSeats.forEach((a, i) => {
    for (const b of activeSeats.slice(i + 1)) expect(namesCollide(a.name, b.name), `${a.name} and ${b.name} read alike`).toBe(false);
  });
  for (const s of activeSeats) {
    expect(s.tableId === null).toBe(s.roleId === null);
  }
  // The session's clock is the summary of the tables' (table-clock.ts), kept by evolve.
  if (game.status === 'running') expect({ phaseIndex: game.phaseIndex, deadlineAt: game.deadlineAt, pausedRemainingMs: game.pausedRemainingMs }).toEqual(sessionClock(Object.values(game.tables)));
  for (const table of Object.values(game.tables)) {
    if (table.clock.finishedAt !== null) expect(table.clock.deadlineAt).toBeNull();
    for (const value of Object.values(table.support)) expect(value).toBe(clamp(value, 0, 100));
    expect(table.escalation).toBe(clamp(table.escalation, 0, game.scenario.escalation.length - 1));
    for (const role of game.scenario.roles) {
      const holders = activeSeats.filter((s) => s.tableId === table.id && s.roleId === role.id).length;
      expect(holders).toBeLessThanOrEqual(role.max);
    }
  }
}

describe('engine properties over random play', () => {
  it('is deterministic: the log folds to the live state, and a rerun gives the same events', () => {
    fc.assert(
      fc.property(sequence, ({ seed, players, steps }) => {
        const first = playRandom(seed, players, steps);
        expect(fold(first.events)).toEqual(first.state);
        const second = playRandom(seed, players, steps);
        expect(second.events).toEqual(first.events);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('keeps secrets: no seat or projector ever sees what its role may not', () => {
    fc.assert(
      fc.property(sequence, ({ seed, players, steps }) => {
        const game = playRandom(seed, players, steps, (played, g) => {
          if (played.accepted && g.events.length % 7 === 0) checkSecrecy(g.game, g.events);
        });
        checkSecrecy(game.game, game.events);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('holds its invariants, and accepts no message after its deadline or while paused', () => {
    fc.assert(
      fc.property(sequence, ({ seed, players, steps }) => {
        playRandom(seed, players, steps, (played, g) => {
          checkInvariants(g.game);
          const posted = played.accepted?.find((e) => e.type === 'MessagePosted' && e.author.kind === 'seat');
          if (posted?.type === 'MessagePosted') {
            // Each table keeps its own clock: the one that counts is the table's where it was said.
            const clock = played.before.tables[posted.tableId]!.clock;
            expect(clock.pausedRemainingMs).toBeNull();
            expect(clock.finishedAt).toBeNull();
            expect(played.before.status).toBe('running');
            if (clock.deadlineAt !== null) expect(played.now).toBeLessThan(clock.deadlineAt);
          }
          if (played.accepted === null) {
            // a rejection changes nothing: the state is the very same object
            expect(g.game).toBe(played.before);
          }
        });
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('freezes what a former member sees of a back channel (members, invitations, messages, proposals) until they come back', () => {
    let compared = 0;
    fc.assert(
      fc.property(sequence, ({ seed, players, steps }) => {
        const frozen = new Map<string, { seatId: string; channelId: string; seen: ReturnType<typeof channelAsSeen> }>();
        playRandom(seed, players, steps, (played, g) => {
          for (const e of played.accepted ?? []) {
            if (e.type === 'BackChannelLeft') frozen.set(`${e.seatId} ${e.channelId}`, { seatId: e.seatId, channelId: e.channelId, seen: channelAsSeen(g.game, e.seatId, e.channelId) });
            if (e.type === 'InvitationAnswered' && e.accepted) frozen.delete(`${e.seatId} ${e.channelId}`);
            if (e.type === 'PlayerKicked') for (const [key, f] of frozen) if (f.seatId === e.seatId) frozen.delete(key);
          }
          for (const f of frozen.values()) {
            expect(f.seen.channel?.left).toBe(true);
            expect(channelAsSeen(g.game, f.seatId, f.channelId), `${f.seatId}'s view of ${f.channelId} moved after they left`).toEqual(f.seen);
            compared++;
          }
        });
      }),
      { numRuns: RUNS },
    );
    expect(compared).toBeGreaterThan(0);
  }, 120_000);

  it('does not count as a leak a tip whose very words a story has already printed', () => {
    const c = table9();
    const bc = openBack(c.g, c.nE, [c.sE]);
    const first = eventOf(post(c.g, c.nE, bc, 'one'), 'MessagePosted').messageId;
    const second = eventOf(post(c.g, c.sE, bc, 'two'), 'MessagePosted').messageId;
    const tipA = eventOf(c.g.must({ type: 'LeakMessage', messageId: first, form: 'paraphrase' }, facilitator), 'LeakOccurred').tip;
    const tipB = eventOf(c.g.must({ type: 'LeakMessage', messageId: second, form: 'paraphrase' }, facilitator), 'LeakOccurred').tip;
    expect(tipB.text).toBe(tipA.text);
    c.g.must({ type: 'PublishStory', headline: 'Talks', body: 'Talks.', tipId: tipA.id }, seat(c.j));
    checkSecrecy(c.g.game, c.g.events);
  });

  it('rejects every command on a session that does not exist', () => {
    const state = fold([]);
    expect(state.created).toBe(false);
    expect(decide(state, { type: 'Join', name: 'A' }, { now: 0, actor: { kind: 'guest' } })).toMatchObject({ code: 'SESSION_NOT_CREATED' });
    expect(() => active(state)).toThrow();
  });
});
