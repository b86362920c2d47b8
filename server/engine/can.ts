import {
  acceptNow, acceptThis, announceNow, answerNow, fulfilNow, hasPower, invitable, inviteInto, leaveFrom, mobiliseNow, openBackChannelNow,
  postIn, proposeIn, proposeNow, publishNow, renegeNow, roomIn, signNow, signThis, watchable, watchNow, watchSlotFree,
} from './abilities';
import type { Player } from './guards';
import { isCurrentMember, roleOf, seatsAt } from './queries';
import type { Rejection } from './rejection';
import type { ActiveGame, Channel, Proposal, Seat } from './state';
import type { Ability, AbilityWithSeats, SeatAbilities } from './view';

/**
 * The projection's half of abilities.ts: for one seat, every check `decide` would make, run now.
 * The projection has no clock, so it asks as of a time before any deadline (see `Ability`).
 */
const BEFORE_ANY_DEADLINE = Number.NEGATIVE_INFINITY;

const verdict = (check: Rejection | null): Ability => (check ? { ok: false, code: check.code, message: check.message } : { ok: true });
const withSeats = (check: Rejection | null, seats: string[]): AbilityWithSeats => ({ ...verdict(check), seats });

/** `channels` and `proposals`: exactly those the seat's view lists. */
export function seatAbilities(game: ActiveGame, seat: Seat, channels: Channel[], proposals: Proposal[]): SeatAbilities | null {
  const role = roleOf(game, seat);
  if (seat.status !== 'active' || !seat.tableId || !role) return null;
  const player: Player = { seat, role, tableId: seat.tableId };
  const now = BEFORE_ANY_DEADLINE;
  const others = seatsAt(game, seat.tableId).filter((s) => s.id !== seat.id).map((s) => s.id);
  const byChannel = (check: (c: Channel) => Rejection | null, list = channels) => Object.fromEntries(list.map((c) => [c.id, verdict(check(c))]));
  const byProposal = (first: Rejection | null, check: (p: Proposal) => Rejection | null) => Object.fromEntries(proposals.map((p) => [p.id, verdict(first ?? check(p))]));
  const back = channels.filter((c) => c.kind === 'back');
  const canSit = others.filter((id) => invitable(game, player, id) === null);
  const inviteNow = (c: Channel): AbilityWithSeats => {
    const seats = canSit.filter((id) => !isCurrentMember(c, id) && !c.invited[id]);
    return withSeats(inviteInto(game, player, c, now) ?? roomIn(c), seats);
  };
  const proposing = proposeNow(game, player, now);
  const accepting = acceptNow(game, player, now);
  const signing = signNow(game, player, now);
  const watchSeats = others.filter((id) => watchable(game, player, id) === null);
  const watch = (power: 'investigate' | 'surveil') => withSeats(watchNow(game, player, now, power) ?? watchSlotFree(game, player, power), hasPower(role.kind, power) ? watchSeats : []);
  return {
    post: byChannel((c) => postIn(game, player, c, now)),
    propose: byChannel((c) => proposing ?? proposeIn(game, player, c)),
    invite: Object.fromEntries(back.map((c) => [c.id, inviteNow(c)])),
    leaveBackChannel: byChannel((c) => leaveFrom(game, player, c, now), back),
    openBackChannel: withSeats(openBackChannelNow(game, player, now), hasPower(role.kind, 'openBackChannel') ? canSit : []),
    answerInvitation: verdict(answerNow(game, now)),
    accept: byProposal(accepting, (p) => acceptThis(game, player, p)),
    sign: byProposal(signing, (p) => signThis(game, player, p)),
    announce: verdict(announceNow(game, player, now)),
    renege: verdict(renegeNow(game, player, now)),
    fulfilPrecondition: game.scenario.precondition ? verdict(fulfilNow(game, player, now)) : null,
    investigate: watch('investigate'),
    surveil: watch('surveil'),
    publishStory: verdict(publishNow(game, player, now)),
    mobilise: verdict(mobiliseNow(game, player, now)),
  };
}
