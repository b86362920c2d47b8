import { describe, expect, it } from 'vitest';
import type { GameEvent } from '../events';
import { facilitator, seat } from '../testing/harness';
import { AT, answered, joined, opened, roundOne, said, SEATS } from '../testing/history';
import { given } from '../testing/spec';

/**
 * ReplaceSeat: the facilitator gives a dealt seat to a waiting player or a newcomer by name. The
 * seat keeps its id, so its role, channels and history stay with it.
 */

const { nE, sE, j } = SEATS;
const talking: GameEvent[] = [...roundOne(), opened('bc-1', nE, [sE]), answered('bc-1', sE), said('m-1', 'bc-1', nE, 'Only between us: we can move on the border')];
const withWaiting: GameEvent[] = [...talking, { type: 'RoomLocked', locked: false, at: AT }, joined('s10', 'Dana', AT), { type: 'RoomLocked', locked: true, at: AT }];

describe('ReplaceSeat', () => {
  it('given a waiting player, when the facilitator gives them an envoy’s seat, then they see everything that seat saw, under their name', () => {
    const outcome = given(withWaiting)
      .when({ type: 'ReplaceSeat', seatId: nE, newcomer: { seatId: 's10' } }, { actor: facilitator })
      .then([{ type: 'SeatReplaced', seatId: nE, name: 'Dana', fromSeatId: 's10', at: AT }]);
    const view = outcome.seat(nE);
    expect(view.me).toMatchObject({ name: 'Dana', role: { id: 'n-envoy' }, tableId: 't1' });
    expect(view.messages.map((m) => m.text)).toContain('Only between us: we can move on the border');
    expect(view.channels.find((c) => c.id === 'bc-1')).toMatchObject({ members: [nE, sE], left: false });
    // The waiting seat is emptied: it is no one's any more.
    expect(outcome.facilitator().seats.s10).toMatchObject({ status: 'left', tableId: null });
    expect(outcome.seat('s10').me.status).toBe('left');
    // The others see the new name at the table.
    expect(outcome.seat(sE).table?.seats.find((s) => s.id === nE)?.name).toBe('Dana');
  });

  it('given a dealt seat, when the facilitator gives it to a newcomer by name, then the seat carries the new name and its history', () => {
    const outcome = given(talking)
      .when({ type: 'ReplaceSeat', seatId: nE, newcomer: { name: '  Eli  ' } }, { actor: facilitator })
      .then([{ type: 'SeatReplaced', seatId: nE, name: 'Eli', fromSeatId: null, at: AT }]);
    expect(outcome.seat(nE).me.name).toBe('Eli');
    expect(outcome.seat(nE).messages.map((m) => m.text)).toContain('Only between us: we can move on the border');
  });

  it('lets the same student come back under the seat’s own name (a new device)', () => {
    given(talking).when({ type: 'ReplaceSeat', seatId: nE, newcomer: { name: 'nE' } }, { actor: facilitator }).then([{ type: 'SeatReplaced', seatId: nE, name: 'nE', fromSeatId: null, at: AT }]);
  });

  it('works in the lobby once seats are dealt', () => {
    const lobby = roundOne().slice(0, 11); // created, nine joined, dealt: not started
    expect(lobby[lobby.length - 1]?.type).toBe('SeatsDealt');
    given(lobby).when({ type: 'ReplaceSeat', seatId: j, newcomer: { name: 'Frankie' } }, { actor: facilitator }).then((events) => expect(events.map((e) => e.type)).toEqual(['SeatReplaced']));
  });

  it('refuses players and guests', () => {
    given(withWaiting).when({ type: 'ReplaceSeat', seatId: nE, newcomer: { seatId: 's10' } }, { actor: seat(sE) }).thenRejects('NOT_ALLOWED');
    given(withWaiting).when({ type: 'ReplaceSeat', seatId: nE, newcomer: { name: 'Zed' } }, { actor: { kind: 'guest' } }).thenRejects('NOT_ALLOWED');
  });

  it('refuses an unknown, kicked or undealt seat', () => {
    given(withWaiting).when({ type: 'ReplaceSeat', seatId: 's99', newcomer: { name: 'Zed' } }, { actor: facilitator }).thenRejects('UNKNOWN_SEAT', /s99/);
    given([...withWaiting, { type: 'PlayerKicked', seatId: j, at: AT }]).when({ type: 'ReplaceSeat', seatId: j, newcomer: { name: 'Zed' } }, { actor: facilitator }).thenRejects('UNKNOWN_SEAT');
    given(withWaiting).when({ type: 'ReplaceSeat', seatId: 's10', newcomer: { name: 'Zed' } }, { actor: facilitator }).thenRejects('WRONG_PHASE', /no seat at a table/);
  });

  it('refuses a newcomer seat that is unknown, the seat itself, or one already playing', () => {
    given(withWaiting).when({ type: 'ReplaceSeat', seatId: nE, newcomer: { seatId: 's42' } }, { actor: facilitator }).thenRejects('UNKNOWN_SEAT');
    given(withWaiting).when({ type: 'ReplaceSeat', seatId: nE, newcomer: { seatId: nE } }, { actor: facilitator }).thenRejects('INVALID_INPUT', /themselves/);
    given(withWaiting).when({ type: 'ReplaceSeat', seatId: nE, newcomer: { seatId: sE } }, { actor: facilitator }).thenRejects('INVALID_INPUT', /already plays/);
  });

  it('refuses a name that is taken, reserved or empty', () => {
    given(withWaiting).when({ type: 'ReplaceSeat', seatId: nE, newcomer: { name: 'dana' } }, { actor: facilitator }).thenRejects('NAME_TAKEN');
    given(withWaiting).when({ type: 'ReplaceSeat', seatId: nE, newcomer: { name: 'Control' } }, { actor: facilitator }).thenRejects('NAME_RESERVED');
    given(withWaiting).when({ type: 'ReplaceSeat', seatId: nE, newcomer: { name: '\u200b ' } }, { actor: facilitator }).thenRejects('NAME_INVALID');
  });

  it('refuses once the session has ended', () => {
    given([...withWaiting, { type: 'SessionEnded', scores: [], rng: null, at: AT }]).when({ type: 'ReplaceSeat', seatId: nE, newcomer: { seatId: 's10' } }, { actor: facilitator }).thenRejects('SESSION_ENDED');
  });
});
