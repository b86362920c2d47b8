import { describe, expect, it } from 'vitest';
import { ROLE_POWERS, SPEAKS_IN } from './abilities';
import { LIMITS } from './limits';
import { ROLE_KINDS } from './scenario';
import { testScenario } from './testing/fixture';
import { concludeDeal, lobby, openBack, seat, seatView, table9 } from './testing/expect';
import { given } from './testing/spec';

/** The rules of who may do what, as data, and the `can` every seat's view carries. */

describe('role powers', () => {
  it('gives every role kind a list, and keeps the press for stories', () => {
    for (const kind of ROLE_KINDS) {
      expect(ROLE_POWERS[kind]).toBeDefined();
      expect(SPEAKS_IN[kind]).not.toContain('press');
    }
    expect(LIMITS.maxInvitees).toBe(LIMITS.backChannelMembers - 1);
  });
});

describe('AnnounceAgreement by a leader who is not party to a secret deal', () => {
  // Two northern leaders: the deal needs only one leader a side, so the second one is outside it.
  const twoNorthLeaders = { ...testScenario, roles: testScenario.roles.map((r) => (r.id === 'n-leader' ? { ...r, max: 2 } : r)) };

  it('given a deal signed in a back channel the second leader is not in, when they announce it, then they are told there is none', () => {
    const c = table9({}, twoNorthLeaders);
    const nL2 = Object.values(c.g.game.seats).find((s) => s.roleId === 'n-leader' && s.id !== c.nL)!.id;
    concludeDeal(c);
    given(c.g.events).when({ type: 'AnnounceAgreement' }, { actor: seat(nL2), now: c.g.now }).thenRejects('NO_AGREEMENT');
    expect(seatView(c.g, nL2).can?.announce).toMatchObject({ ok: false, code: 'NO_AGREEMENT' });
    // A signatory may announce, and its view says so.
    expect(seatView(c.g, c.nL).can?.announce).toEqual({ ok: true });
    given(c.g.events).when({ type: 'AnnounceAgreement' }, { actor: seat(c.nL), now: c.g.now }).then((e) => expect(e[0]).toMatchObject({ type: 'AgreementAnnounced' }));
  });
});

describe('can, in a seat view', () => {
  it('tells a journalist why they cannot speak on the front channel, with the code decide gives', () => {
    const c = table9();
    const can = seatView(c.g, c.j).can!;
    expect(can.post['t1:front']).toMatchObject({ ok: false, code: 'WRONG_ROLE', message: expect.stringContaining('do not speak in it') });
    expect(can.post['t1:press']).toMatchObject({ ok: false, code: 'WRONG_ROLE' });
    given(c.g.events).when({ type: 'PostMessage', channelId: 't1:front', text: 'hi' }, { actor: seat(c.j), now: c.g.now }).thenRejects('WRONG_ROLE');
    expect(can.investigate).toMatchObject({ ok: true });
    expect(can.investigate.seats).not.toContain(c.j);
    expect(can.openBackChannel).toMatchObject({ ok: false, code: 'WRONG_ROLE', seats: [] });
    expect(can.publishStory).toEqual({ ok: true });
    expect(can.mobilise).toMatchObject({ ok: false, code: 'WRONG_ROLE' });
  });

  it('lists whom a leader may bring into a back channel: leaders and envoys, not the press nor the spoilers', () => {
    const c = table9();
    const can = seatView(c.g, c.nL).can!;
    expect(can.openBackChannel.ok).toBe(true);
    expect(new Set(can.openBackChannel.seats)).toEqual(new Set([c.sL, c.nE, c.nE2, c.sE, c.sE2]));
    expect(can.post['t1:front']).toEqual({ ok: true });
    expect(can.propose['t1:front']).toMatchObject({ ok: false, code: 'PRECONDITION_UNMET' });
    expect(can.fulfilPrecondition).toMatchObject({ ok: false, code: 'WRONG_ROLE' });
    expect(seatView(c.g, c.sL).can?.fulfilPrecondition).toEqual({ ok: true });
  });

  it('says nothing of a back channel the seat is not in, and what a member may do there', () => {
    const c = table9();
    const bc = openBack(c.g, c.nE, [c.sE]);
    for (const outsider of [c.nL, c.j, c.nS, c.sE2]) {
      const view = seatView(c.g, outsider);
      expect(JSON.stringify(view.can)).not.toContain(bc);
    }
    const member = seatView(c.g, c.nE).can!;
    expect(member.post[bc]).toEqual({ ok: true });
    expect(member.leaveBackChannel[bc]).toEqual({ ok: true });
    expect(member.invite[bc]).toMatchObject({ ok: true });
    expect(new Set(member.invite[bc]!.seats)).toEqual(new Set([c.nL, c.sL, c.nE2, c.sE2]));
  });

  it('is null before a seat is dealt, and the limits come with every view', () => {
    const g = lobby(3);
    const view = seatView(g, Object.keys(g.game.seats)[0]!);
    expect(view.can).toBeNull();
    expect(view.limits).toEqual(LIMITS);
  });

  it('refuses everything once the session has ended, and sends scores as shares with outcomes', () => {
    const c = table9();
    while (c.g.game.status !== 'ended') c.g.passDeadline();
    const view = seatView(c.g, c.nL);
    expect(view.can?.post['t1:front']).toMatchObject({ ok: false, code: 'SESSION_ENDED' });
    expect(view.me.role?.maxScore).toBe(15);
    expect(view.myScore).toMatchObject({ max: 15, share: expect.any(Number) });
    for (const o of view.myScore!.objectives) expect(['achieved', 'missed', 'avoided', 'penalised']).toContain(o.outcome);
    const shares = view.scores!.map((s) => s.share ?? -Infinity);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
  });
});
