import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from './commands';
import { decide } from './decide';
import { project } from './project';
import { isRejection } from './rejection';
import type { ActiveGame } from './state';
import { atTable } from './table-clock';
import { seat as asSeat } from './testing/harness';
import { playRandom, type Step } from './testing/random-play';
import type { Ability, SeatView } from './view';

/**
 * `can` in each seat's view and `decide` must tell the same story: what the view offers is
 * accepted, what it refuses is refused with the same code. Checked over random play, for every
 * seat and every ability, with inputs that are otherwise well formed (a text, a valid term, a
 * person who may be named), so only the role, the phase, the table and the limits decide.
 */

const step: fc.Arbitrary<Step> = fc.record({
  pick: fc.nat(1000), a: fc.nat(1000), b: fc.nat(1000), c: fc.nat(1000), flag: fc.boolean(),
  dt: fc.oneof({ arbitrary: fc.nat(2_000), weight: 20 }, { arbitrary: fc.nat(60_000), weight: 1 }),
});
const sequence = fc.record({ seed: fc.integer(), players: fc.integer({ min: 4, max: 16 }), steps: fc.array(step, { minLength: 10, maxLength: 100 }) });
const RUNS = Math.max(20, Math.floor(Number(process.env.PROPERTY_RUNS ?? 1000) / 5));

interface Probe {
  what: string;
  ability: Ability;
  command: Command | null;
}

/** One well-formed command per ability the view lists (null where nothing can be named). */
function probes(game: ActiveGame, view: SeatView): Probe[] {
  const can = view.can!;
  const sideOf = (id: string) => view.table?.seats.find((s) => s.id === id)?.side ?? null;
  const mySide = view.me.role?.side ?? null;
  const issue = game.scenario.issues[0]!;
  const term = { issueId: issue.id, optionId: issue.options[0]!.id, secret: false };
  // Someone of another side who may sit in a back channel, whoever asks (the engine's own list when it has one).
  const rival = can.openBackChannel.seats.find((id) => sideOf(id) !== mySide)
    ?? view.table?.seats.find((s) => s.side !== null && s.side !== mySide && (s.kind === 'leader' || s.kind === 'envoy'))?.id;
  const other = view.table?.seats.find((s) => s.id !== view.me.seatId)?.id;
  const list: Probe[] = [];
  for (const [id, ability] of Object.entries(can.post)) list.push({ what: `post ${id}`, ability, command: { type: 'PostMessage', channelId: id, text: 'hello' } });
  for (const [id, ability] of Object.entries(can.propose)) list.push({ what: `propose ${id}`, ability, command: { type: 'Propose', channelId: id, terms: [term], mode: 'official' } });
  for (const [id, ability] of Object.entries(can.invite)) {
    const target = ability.seats[0];
    list.push({ what: `invite ${id}`, ability, command: target ? { type: 'InviteToBackChannel', channelId: id, seatId: target } : null });
  }
  for (const [id, ability] of Object.entries(can.leaveBackChannel)) list.push({ what: `leave ${id}`, ability, command: { type: 'LeaveBackChannel', channelId: id } });
  list.push({ what: 'open', ability: can.openBackChannel, command: rival ? { type: 'OpenBackChannel', inviteeIds: [rival], topic: 'talks' } : null });
  for (const inv of view.invitations) list.push({ what: `answer ${inv.channelId}`, ability: can.answerInvitation, command: { type: 'AnswerInvitation', channelId: inv.channelId, accept: false } });
  for (const [id, ability] of Object.entries(can.accept)) list.push({ what: `accept ${id}`, ability, command: { type: 'AcceptProposal', proposalId: id } });
  for (const [id, ability] of Object.entries(can.sign)) list.push({ what: `sign ${id}`, ability, command: { type: 'SignProposal', proposalId: id } });
  list.push({ what: 'announce', ability: can.announce, command: { type: 'AnnounceAgreement' } });
  list.push({ what: 'renege', ability: can.renege, command: { type: 'RenegeAgreement' } });
  if (can.fulfilPrecondition) list.push({ what: 'fulfil', ability: can.fulfilPrecondition, command: { type: 'FulfilPrecondition' } });
  const watchTarget = (seats: string[]) => seats[0] ?? other;
  const investigateTarget = watchTarget(can.investigate.seats);
  const surveilTarget = watchTarget(can.surveil.seats);
  list.push({ what: 'investigate', ability: can.investigate, command: investigateTarget ? { type: 'Investigate', seatId: investigateTarget } : null });
  list.push({ what: 'surveil', ability: can.surveil, command: surveilTarget ? { type: 'Surveil', seatId: surveilTarget } : null });
  list.push({ what: 'publish', ability: can.publishStory, command: { type: 'PublishStory', headline: 'Headline', body: 'Body.' } });
  list.push({ what: 'mobilise', ability: can.mobilise, command: { type: 'Mobilise' } });
  return list;
}

function checkAgreement(game: ActiveGame, now: number): number {
  let checked = 0;
  for (const seat of Object.values(game.seats)) {
    // The projection has no clock: ask decide at a time before the seat's table's deadline, as the view does.
    const { deadlineAt } = atTable(game, seat.tableId);
    const when = deadlineAt !== null ? Math.min(now, deadlineAt - 1) : now;
    const view = project(game, { kind: 'seat', seatId: seat.id })!;
    if (!view.can) {
      expect(seat.status !== 'active' || seat.tableId === null, `${seat.id} is seated but has no can`).toBe(true);
      continue;
    }
    for (const probe of probes(game, view)) {
      if (!probe.command) continue;
      const result = decide(game, probe.command, { now: when, actor: asSeat(seat.id) });
      const label = `${seat.id} ${probe.what}: can says ${probe.ability.ok ? 'ok' : probe.ability.code}, decide says ${isRejection(result) ? `${result.code} ${result.message}` : 'ok'}`;
      if (probe.ability.ok) expect(isRejection(result), label).toBe(false);
      else expect(isRejection(result) ? result.code : 'accepted', label).toBe(probe.ability.code);
      checked++;
    }
  }
  return checked;
}

describe('can, in the projection, agrees with decide', () => {
  it('offers exactly what decide accepts, and refuses with the code decide gives, over random play', () => {
    let checked = 0;
    const seen = { ok: 0, refused: new Set<string>() };
    fc.assert(
      fc.property(sequence, ({ seed, players, steps }) => {
        playRandom(seed, players, steps, (played, g) => {
          if (played.now % 3 !== 0) return;
          checked += checkAgreement(g.game, played.now);
          for (const s of Object.values(g.game.seats)) {
            const can = project(g.game, { kind: 'seat', seatId: s.id })?.can;
            for (const a of [can?.announce, can?.mobilise, can?.renege, ...Object.values(can?.sign ?? {}), ...Object.values(can?.post ?? {})]) {
              if (a?.ok) seen.ok++;
              else if (a) seen.refused.add(a.code);
            }
          }
        });
      }),
      { numRuns: RUNS },
    );
    expect(checked).toBeGreaterThan(0);
    // The walk reaches both answers and many reasons, so the agreement is not vacuous.
    expect(seen.ok).toBeGreaterThan(0);
    for (const code of ['WRONG_ROLE', 'NO_AGREEMENT', 'NOTHING_TO_MOBILISE', 'ALREADY_DONE']) expect([...seen.refused]).toContain(code);
  }, 300_000);
});
