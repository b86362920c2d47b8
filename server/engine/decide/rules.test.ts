import { describe, expect, it } from 'vitest';
import type { Command } from '../commands';
import { rolesForTable } from '../deal';
import type { GameEvent } from '../events';
import { leakRisk, riskLevel } from '../leak-risk';
import type { ActiveGame, Term } from '../state';
import { PRESS_DESK } from '../state';
import { withLeak } from '../testing/expect';
import { testScenario } from '../testing/fixture';
import { seat } from '../testing/harness';
import { acceptedBy, AT, answered, concluded, created, invited, opened, proposed, ROUND_1, ROUND_1_DEADLINE, roundOne, said, SEATS, signedBy } from '../testing/history';
import { given } from '../testing/spec';

/** Given/when/then for the rules that make the seeds' trade-offs real (docs/engine.md, "Rules that teach"). */

const { nL, sL, nE, sE, j, nS, sS } = SEATS;
const OPEN: Term = { issueId: 'border', optionId: 'open', secret: false };
const RELEASE: Term = { issueId: 'prisoners', optionId: 'release', secret: false };
const BC = 'bc-1';

/** Round one of the test crisis, with the scenario's leak parameters patched. */
function roundOneWith(leak: Parameters<typeof withLeak>[0]): GameEvent[] {
  const [first, ...rest] = roundOne();
  return [{ ...(first as Extract<GameEvent, { type: 'SessionCreated' }>), scenario: withLeak(leak) }, ...rest];
}

/** The two main envoys in a back channel. */
const envoysTalking = (): GameEvent[] => [opened(BC, nE, [sE]), answered(BC, sE)];

/** The envoys tested a text that the other side accepted: the talks are prepared. */
const tested = (): GameEvent[] => [...envoysTalking(), proposed('p-1', BC, nE, [OPEN, RELEASE], 'exploratory'), acceptedBy('p-1', sE, 'south')];

/** A deal signed in public, on the front channel. */
const signedInPublic = (): GameEvent[] => [
  { type: 'PreconditionFulfilled', tableId: 't1', by: sL, supportDelta: {}, at: AT },
  proposed('p-9', 't1:front', nL, [OPEN, RELEASE]), signedBy('p-9', nL), signedBy('p-9', sL), concluded('p-9'),
];

const game = (events: GameEvent[]) => given(events).state as ActiveGame;

describe('every text said in secret can leak', () => {
  it('rolls a proposal in a back channel like a message, counts it as usage, and tips the journalist', () => {
    given([...roundOneWith({ baseRate: 1, maxRisk: 1 }), ...envoysTalking()])
      .when({ type: 'Propose', channelId: BC, terms: [OPEN], mode: 'exploratory' }, { actor: seat(nE) })
      .then((events) => {
        expect(events[0]).toMatchObject({ type: 'ProposalMade', leakRisk: 1 });
        expect(events[1]).toMatchObject({ type: 'LeakOccurred', tip: { source: { kind: 'proposal', channelId: BC }, recipients: expect.arrayContaining([j]) } });
      })
      .given()
      .when({ type: 'PostMessage', channelId: BC, text: 'hello' }, { actor: seat(sE) })
      .then((events) => expect(events[0]).toMatchObject({ type: 'MessagePosted', leakRisk: 1 }));
    expect(game([...roundOne(), ...envoysTalking(), proposed('p-1', BC, nE, [OPEN], 'exploratory')]).channels[BC]?.messageCount).toBe(1);
  });

  it('is deniable: a leaked exploratory text costs half the backlash of an official one', () => {
    const leaked = (mode: 'exploratory' | 'official'): GameEvent[] => [
      ...roundOne(), ...envoysTalking(), proposed('p-1', BC, nE, [OPEN], mode),
      { type: 'LeakOccurred', rng: null, tip: { id: 'tip-1', tableId: 't1', form: 'paraphrase', text: 'Sources say…', recipients: [j], source: { kind: 'proposal', proposalId: 'p-1', channelId: BC }, manual: false, at: AT } },
    ];
    const publish = { type: 'PublishStory', headline: 'Secret talks', body: 'They talk.', tipId: 'tip-1' } as const;
    given(leaked('exploratory')).when(publish, { actor: seat(j) }).then((e) => expect(e[0]).toMatchObject({ story: { supportDelta: { north: -4, south: -4 } } }));
    given(leaked('official')).when(publish, { actor: seat(j) }).then((e) => expect(e[0]).toMatchObject({ story: { supportDelta: { north: -8, south: -8 } } }));
  });
});

describe('risk a student can see grow', () => {
  it('moves from low to elevated to high with use, members, time, investigation and surveillance, and says why', () => {
    const base = [...roundOneWith({ baseRate: 0.04, perExtraMember: 0.25, perTenMessages: 0.6, perRoundOpen: 0.4, investigationBoost: 0.3, surveillanceBoost: 0.3, maxRisk: 0.5 }), ...envoysTalking()];
    const view = (events: GameEvent[]) => given(events).seat(nE).channels.find((c) => c.id === BC)!;
    expect(view(base)).toMatchObject({ riskLevel: 'low', riskFactors: [] });
    const talk = Array.from({ length: 10 }, (_, i) => said(`m-${i}`, BC, i % 2 ? sE : nE, `line ${i}`));
    expect(view([...base, ...talk])).toMatchObject({ riskLevel: 'elevated', riskFactors: ['usage'] });
    const heavy = [
      ...base, ...talk, invited(BC, nL, nE), answered(BC, nL), invited(BC, sL, sE), answered(BC, sL),
      { type: 'InvestigationStarted', tableId: 't1', by: j, target: nE, untilPhase: 1, at: AT },
      { type: 'SurveillanceStarted', tableId: 't1', by: nS, target: sE, untilPhase: 1, at: AT },
    ] satisfies GameEvent[];
    expect(view(heavy)).toMatchObject({ riskLevel: 'high', riskFactors: ['members', 'usage', 'investigated', 'surveilled'] });
    // Never the number: the view has a level and factors only.
    expect(JSON.stringify(view(heavy))).not.toMatch(/0\.\d/);
  });

  it('makes a new back channel riskier when the table already had one (twice as much if that one was exposed)', () => {
    const second = [...roundOne(), ...envoysTalking(), opened('bc-2', nE, [sE]), answered('bc-2', sE)];
    const g = game(second);
    expect(leakRisk(g, g.channels['bc-2']!)).toBeGreaterThan(leakRisk(g, g.channels[BC]!));
    expect(given(second).seat(nE).channels.find((c) => c.id === 'bc-2')?.riskFactors).toContain('repeated');
    const exposedFirst = game([...roundOne(), ...envoysTalking(), opened('bc-2', nE, [sE])]);
    const exposed: ActiveGame = { ...exposedFirst, channels: { ...exposedFirst.channels, [BC]: { ...exposedFirst.channels[BC]!, exposed: true } } };
    expect(leakRisk(exposed, exposed.channels['bc-2']!)).toBeGreaterThan(leakRisk(exposedFirst, exposedFirst.channels['bc-2']!));
    expect(riskLevel(0.2)).toBe('high');
  });
});

describe('legitimacy', () => {
  it('lets talks tested in a back channel go public without the precondition; untested talks still need it', () => {
    const front: Command = { type: 'Propose', channelId: 't1:front', terms: [OPEN], mode: 'official' };
    given(roundOne()).when(front, { actor: seat(nL) }).thenRejects('PRECONDITION_UNMET', /tested there first/);
    const outcome = given([...roundOne(), ...tested()]).when(front, { actor: seat(nL) }).then((e) => expect(e).toMatchObject([{ type: 'ProposalMade', channelId: 't1:front' }]));
    expect(outcome.seat(nL).table?.preconditionWaived).toBe(true);
    expect(outcome.seat(j).table?.preconditionWaived).toBe(false);
    expect(outcome.seat(nS).table?.preconditionWaived).toBe(false);
  });

  it('rewards a tested deal signed in public, taxes public concessions nobody prepared, and brings a back-channel deal\'s channel to light', () => {
    const announce = { type: 'AnnounceAgreement' } as const;
    // Reactions: open (-5, +5), release (+3, +3).
    given([...roundOne(), ...tested(), ...signedInPublic()]).when(announce, { actor: seat(nL) })
      .then((e) => expect(e).toMatchObject([{ supportDelta: { north: -2 + 8, south: 8 + 8 } }]));
    given([...roundOne(), ...signedInPublic()]).when(announce, { actor: seat(nL) })
      .then((e) => expect(e).toMatchObject([{ supportDelta: { north: Math.round(-5 * 1.5) + 3, south: 8 } }]));
    const inTheBack = [...roundOne(), ...envoysTalking(), proposed('p-2', BC, nE, [OPEN, RELEASE]), signedBy('p-2', nL), signedBy('p-2', sL), concluded('p-2')];
    given(inTheBack).when(announce, { actor: seat(nL) }).then((e) => expect(e).toMatchObject([
      { supportDelta: { north: -2, south: 8 } },
      { type: 'StoryPublished', exposedChannelId: BC, story: { journalistId: PRESS_DESK, supportDelta: { north: -8, south: -8 } } },
    ]));
    // A scenario may add a fait-accompli cost on top.
    const [first, ...rest] = inTheBack;
    given([{ ...(first as Extract<GameEvent, { type: 'SessionCreated' }>), scenario: withLeak({ faitAccompliCost: 5 }) }, ...rest]).when(announce, { actor: seat(nL) })
      .then((e) => expect(e[0]).toMatchObject({ supportDelta: { north: -7, south: 3 } }));
  });

  it('grows with the time a deal has been public: early pays, last-minute hardly does', () => {
    const announcedAt = (at: number): GameEvent[] => [
      ...roundOne(), ...signedInPublic(), { type: 'AgreementAnnounced', tableId: 't1', proposalId: 'p-9', supportDelta: {}, originExposedFirst: false, at },
    ];
    const deadline = { type: 'DeadlineReached' } as const;
    given(announcedAt(ROUND_1)).when(deadline, { actor: { kind: 'system' }, now: ROUND_1_DEADLINE })
      .then((e) => expect(e).toContainEqual({ type: 'LegitimacyGained', tableId: 't1', supportDelta: { north: 10, south: 10 }, at: ROUND_1_DEADLINE }));
    given(announcedAt(ROUND_1_DEADLINE - 10_000)).when(deadline, { actor: { kind: 'system' }, now: ROUND_1_DEADLINE })
      .then((e) => expect(e.map((x) => x.type)).not.toContain('LegitimacyGained'));
  });

  it('blunts a spoiler rallying against a deal signed in public', () => {
    const announced = (events: GameEvent[], proposalId: string): GameEvent[] => [...roundOne(), ...events, { type: 'AgreementAnnounced', tableId: 't1', proposalId, supportDelta: {}, originExposedFirst: false, at: AT }];
    given(announced(signedInPublic(), 'p-9')).when({ type: 'Mobilise' }, { actor: seat(nS) }).then((e) => expect(e).toMatchObject([{ supportDelta: { north: -2 } }]));
    const back = [...envoysTalking(), proposed('p-2', BC, nE, [OPEN]), signedBy('p-2', nL), signedBy('p-2', sL), concluded('p-2')];
    given(announced(back, 'p-2')).when({ type: 'Mobilise' }, { actor: seat(sS) }).then((e) => expect(e).toMatchObject([{ supportDelta: { south: -4 } }]));
  });
});

describe('RenegeAgreement', () => {
  const secretDeal = (): GameEvent[] => [
    ...roundOne(), ...envoysTalking(), invited(BC, nL, nE), answered(BC, nL), invited(BC, sL, sE), answered(BC, sL),
    proposed('p-2', BC, nE, [OPEN]), signedBy('p-2', nL), signedBy('p-2', sL), concluded('p-2'),
  ];

  it('breaks a signed secret deal: the deal is gone, the betrayed side talks, the reneging side pays, and distrust raises every back channel\'s risk', () => {
    const before = game(secretDeal());
    const outcome = given(secretDeal()).when({ type: 'RenegeAgreement' }, { actor: seat(sL) }).then((events) => {
      expect(events[0]).toEqual({ type: 'AgreementReneged', tableId: 't1', proposalId: 'p-2', by: sL, side: 'south', supportDelta: { south: -8 }, at: AT });
      expect(events[1]).toMatchObject({ type: 'LeakOccurred', tip: { source: { kind: 'proposal', proposalId: 'p-2' } } });
    });
    const after = outcome.state as ActiveGame;
    expect(after.tables.t1).toMatchObject({ agreement: null, reneged: ['south'], support: { south: 47 } });
    expect(after.proposals['p-2']?.status).toBe('closed');
    expect(leakRisk(after, after.channels[BC]!)).toBeGreaterThan(leakRisk(before, before.channels[BC]!));
    expect(outcome.seat(nE).channels.find((c) => c.id === BC)?.riskFactors).toContain('distrust');
  });

  it('refuses non-leaders, a table without a deal, a deal the leader is not in on or did not sign, and a public deal', () => {
    const renege = { type: 'RenegeAgreement' } as const;
    given(secretDeal()).when(renege, { actor: seat(nE) }).thenRejects('WRONG_ROLE');
    given(roundOne()).when(renege, { actor: seat(nL) }).thenRejects('NO_AGREEMENT');
    const unsigned = [...roundOne(), ...envoysTalking(), invited(BC, nL, nE), answered(BC, nL), proposed('p-2', BC, nE, [OPEN]), signedBy('p-2', sL), concluded('p-2')];
    given(unsigned).when(renege, { actor: seat(nL) }).thenRejects('NOT_A_SIGNATORY');
    const notInOnIt = [...roundOne(), ...envoysTalking(), proposed('p-2', BC, nE, [OPEN]), signedBy('p-2', nL), signedBy('p-2', sL), concluded('p-2')];
    given(notInOnIt).when(renege, { actor: seat(nL) }).thenRejects('NO_AGREEMENT');
    const announced = [...secretDeal(), { type: 'AgreementAnnounced', tableId: 't1', proposalId: 'p-2', supportDelta: {}, originExposedFirst: false, at: AT } satisfies GameEvent];
    given(announced).when(renege, { actor: seat(nL) }).thenRejects('AGREEMENT_PUBLIC');
  });
});

describe("Control's press desk", () => {
  /** A table of four: leaders and envoys only, nobody to tip. */
  const tableOfFour = (): GameEvent[] => {
    const [first, ...rest] = roundOne();
    return [first!, ...rest.map((e) => (e.type === 'SeatsDealt' ? { ...e, assignments: e.assignments.filter((a) => [nL, sL, nE, sE].includes(a.seatId as typeof nL)) } : e))];
  };

  it('takes the tips of a table with no journalist and prints them at the next deadline, backlash included', () => {
    const history = [
      ...tableOfFour(), ...envoysTalking(), said('m-1', BC, nE, 'our secret'),
      { type: 'LeakOccurred', rng: null, tip: { id: 'tip-1', tableId: 't1', form: 'quote', text: '“our secret” — North Envoy, in a private conversation.', recipients: [], source: { kind: 'message', messageId: 'm-1', channelId: BC }, manual: false, pressDesk: true, at: AT } },
    ] satisfies GameEvent[];
    given(history).when({ type: 'DeadlineReached' }, { actor: { kind: 'system' }, now: ROUND_1_DEADLINE }).then((events) => {
      expect(events).toContainEqual(expect.objectContaining({
        type: 'StoryPublished', exposedChannelId: BC, story: expect.objectContaining({ journalistId: PRESS_DESK, tipId: 'tip-1', supportDelta: { north: -8, south: -8 } }),
      }));
    });
  });

  it('is where a leak goes when the dice say so at a table of four', () => {
    const [first, ...rest] = tableOfFour();
    const loud = [{ ...(first as Extract<GameEvent, { type: 'SessionCreated' }>), scenario: withLeak({ baseRate: 1, maxRisk: 1 }) }, ...rest, ...envoysTalking()];
    given(loud).when({ type: 'PostMessage', channelId: BC, text: 'x' }, { actor: seat(nE) })
      .then((events) => expect(events[1]).toMatchObject({ type: 'LeakOccurred', tip: { recipients: [], pressDesk: true } }));
  });
});

describe('dealing spoilers between the sides', () => {
  it('breaks ties in slot priority with the order drawn at deal time', () => {
    expect(rolesForTable(8, testScenario.roles, ['s-spoiler', 'n-spoiler'])).toContain('s-spoiler');
    expect(rolesForTable(8, testScenario.roles, ['n-spoiler', 's-spoiler'])).toContain('n-spoiler');
  });

  it('gives the lone spoiler of a table of eight to either side, depending on the seed', () => {
    const sides = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      const history: GameEvent[] = [{ ...(created() as Extract<GameEvent, { type: 'SessionCreated' }>), seed }, ...Array.from({ length: 8 }, (_, i) => ({ type: 'PlayerJoined', seatId: `s${i + 1}`, name: `P${i + 1}`, at: AT }) as GameEvent)];
      given(history).when({ type: 'DealSeats' }, { actor: { kind: 'facilitator' } }).then((events) => {
        const dealt = events.find((e) => e.type === 'SeatsDealt');
        for (const a of dealt?.type === 'SeatsDealt' ? dealt.assignments : []) if (a.roleId.endsWith('spoiler')) sides.add(a.roleId);
      });
    }
    expect([...sides].sort()).toEqual(['n-spoiler', 's-spoiler']);
  });
});
