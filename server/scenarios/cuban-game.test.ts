import { describe, expect, it } from 'vitest';
import { project } from '../engine/project';
import type { GameEvent } from '../engine/events';
import { facilitator, fold, Game, seat } from '../engine/testing/harness';
import { getBuiltInScenario } from './index';

const of = <T extends GameEvent['type']>(events: GameEvent[], type: T) => events.filter((e): e is Extract<GameEvent, { type: T }> => e.type === type);

describe('a whole Cuban Missile Crisis game through the engine', () => {
  it('goes from lobby to scores with a leak, a missed deadline and a signed deal with a secret term', () => {
    const g = new Game(getBuiltInScenario('cuban-missile-crisis'), { leakSensitivity: 4, tableCount: 1 }, 1962);
    const names = ['Ana', 'Ben', 'Chen', 'Dara', 'Eli', 'Fay', 'Gus', 'Hal'];
    names.forEach((n) => g.join(n));
    g.must({ type: 'SetLocked', locked: true }, facilitator);
    expect(g.run({ type: 'Join', name: 'Late' }, { kind: 'guest' })).toMatchObject({ code: 'ROOM_LOCKED' });
    g.must({ type: 'DealSeats' }, facilitator);
    g.must({ type: 'StartSession' }, facilitator);

    const jfk = g.seatOf('usa-leader');
    const nk = g.seatOf('ussr-leader');
    const rfk = g.seatOf('usa-envoy');
    const dobrynin = g.seatOf('ussr-envoy');
    const reporter = g.seatOf('washington-correspondent');
    const lemay = g.seatOf('usa-spoiler');

    // Briefing: only team channels are open.
    g.must({ type: 'PostMessage', channelId: 't1:team:usa', text: 'We cannot accept missiles 90 miles away.' }, seat(jfk));
    expect(g.run({ type: 'PostMessage', channelId: 't1:front', text: 'Hello' }, seat(jfk))).toMatchObject({ code: 'CHANNEL_CLOSED' });
    g.passDeadline();

    // Round 1: the front channel is closed for negotiation until the precondition is met; back channels are not.
    expect(g.run({ type: 'Propose', channelId: 't1:front', mode: 'official', terms: [{ issueId: 'quarantine', optionId: 'maintained', secret: false }] }, seat(jfk)))
      .toMatchObject({ code: 'PRECONDITION_UNMET' });
    const [opened] = g.must({ type: 'OpenBackChannel', inviteeIds: [dobrynin], topic: 'a trade over the missiles' }, seat(rfk));
    const channelId = opened?.type === 'BackChannelOpened' ? opened.channelId : '';
    g.must({ type: 'AnswerInvitation', channelId, accept: true }, seat(dobrynin));
    g.must({ type: 'Investigate', seatId: rfk }, seat(reporter));

    // Talk until the engine decides that something leaks (seeded: the same every run).
    let tip: Extract<GameEvent, { type: 'LeakOccurred' }>['tip'] | undefined;
    for (let i = 0; i < 60 && !tip; i++) {
      g.now += 1000;
      const events = g.must({ type: 'PostMessage', channelId, text: `Offer ${i}: missiles out if you pledge not to invade.` }, seat(i % 2 ? dobrynin : rfk));
      tip = of(events, 'LeakOccurred')[0]?.tip;
    }
    expect(tip).toBeDefined();
    expect(tip!.recipients).toContain(reporter);
    expect(tip!.recipients).not.toContain(rfk);
    expect(project(g.state, { kind: 'seat', seatId: reporter })!.tips.map((t) => t.id)).toContain(tip!.id);
    expect(project(g.state, { kind: 'seat', seatId: jfk })!.tips).toHaveLength(0);

    const supportBefore = g.game.tables.t1!.support.usa!;
    const [story] = g.must({ type: 'PublishStory', headline: 'Secret talks', body: 'Sources describe a private channel.', tipId: tip!.id }, seat(reporter));
    expect(story).toMatchObject({ type: 'StoryPublished', exposedChannelId: channelId });
    expect(g.game.tables.t1!.support.usa).toBeLessThan(supportBefore);
    g.must({ type: 'Mobilise' }, seat(lemay));

    // The round ends with no agreement: the crisis escalates.
    const escalated = of(g.passDeadline(), 'EscalationRaised');
    expect(escalated).toHaveLength(1);
    expect(escalated[0]).toMatchObject({ level: 1, by: 1 });

    // Round 2: a fresh back channel, the leaders brought in.
    g.now += 1000;
    const [second] = g.must({ type: 'OpenBackChannel', inviteeIds: [dobrynin], topic: 'the Jupiter question' }, seat(rfk));
    const dealChannel = second?.type === 'BackChannelOpened' ? second.channelId : '';
    g.must({ type: 'AnswerInvitation', channelId: dealChannel, accept: true }, seat(dobrynin));
    g.must({ type: 'InviteToBackChannel', channelId: dealChannel, seatId: jfk }, seat(rfk));
    g.must({ type: 'InviteToBackChannel', channelId: dealChannel, seatId: nk }, seat(dobrynin));
    g.must({ type: 'AnswerInvitation', channelId: dealChannel, accept: true }, seat(jfk));
    g.must({ type: 'AnswerInvitation', channelId: dealChannel, accept: true }, seat(nk));
    const terms = [
      { issueId: 'cuban-missiles', optionId: 'withdraw-verified', secret: false },
      { issueId: 'invasion-pledge', optionId: 'public-pledge', secret: false },
      { issueId: 'turkey-jupiters', optionId: 'removed', secret: true },
    ];
    const [feeler] = g.must({ type: 'Propose', channelId: dealChannel, mode: 'exploratory', terms }, seat(dobrynin));
    const feelerId = feeler?.type === 'ProposalMade' ? feeler.proposalId : '';
    expect(g.run({ type: 'SignProposal', proposalId: feelerId }, seat(jfk))).toMatchObject({ code: 'EXPLORATORY_CANNOT_BE_SIGNED' });
    const [official] = g.must({ type: 'Propose', channelId: dealChannel, mode: 'official', terms, counterTo: feelerId }, seat(rfk));
    const dealId = official?.type === 'ProposalMade' ? official.proposalId : '';
    expect(g.game.proposals[feelerId]!.status).toBe('superseded');
    g.must({ type: 'AcceptProposal', proposalId: dealId }, seat(dobrynin));
    g.must({ type: 'SignProposal', proposalId: dealId }, seat(nk));
    expect(of(g.must({ type: 'SignProposal', proposalId: dealId }, seat(jfk)), 'AgreementConcluded')).toHaveLength(1);
    g.must({ type: 'AnnounceAgreement' }, seat(jfk));

    // The public sees the public terms; the secret clause stays with those in on it.
    const publicTerms = project(g.state, { kind: 'seat', seatId: reporter })!.table!.agreement!.terms;
    expect(publicTerms.map((t) => t.issueId)).toEqual(['cuban-missiles', 'invasion-pledge']);
    expect(project(g.state, { kind: 'seat', seatId: jfk })!.table!.agreement!.terms).toHaveLength(3);
    const projected = project(g.state, { kind: 'projector' })!.tables[0]!.agreement!.terms;
    expect(projected.some((t) => t.issueId === 'turkey-jupiters')).toBe(false);

    // Round 2 ends with a deal: no escalation. Round 3 ends the session.
    expect(of(g.passDeadline(), 'EscalationRaised')).toHaveLength(0);
    const last = g.passDeadline();
    const ended = of(last, 'SessionEnded')[0];
    expect(ended).toBeDefined();
    expect(ended!.scores).toHaveLength(8);
    const jfkScore = ended!.scores.find((s) => s.seatId === jfk)!;
    expect(jfkScore.objectives.find((o) => o.id === 'deal-announced')?.achieved).toBe(true);
    expect(jfkScore.objectives.find((o) => o.id === 'no-war')?.achieved).toBe(true);
    const reporterScore = ended!.scores.find((s) => s.seatId === reporter)!;
    expect(reporterScore.objectives.find((o) => o.id === 'first-scoop')?.achieved).toBe(true);
    const lemayScore = ended!.scores.find((s) => s.seatId === lemay)!;
    expect(lemayScore.objectives.find((o) => o.id === 'expose-channels')?.achieved).toBe(true);
    expect(lemayScore.objectives.find((o) => o.id === 'no-deal')?.achieved).toBe(false);

    // The stored log replays to the very same end state.
    expect(fold(g.events)).toEqual(g.state);
    const debrief = project(g.state, { kind: 'seat', seatId: rfk })!;
    expect(debrief.debrief?.questions.length).toBeGreaterThan(0);
    expect(debrief.myScore?.seatId).toBe(rfk);

    // Every score at the end carries its role's maximum (positive points only), so the end screen and
    // the projector can compare a correspondent's 45-point role with a leader's 100-point one.
    const scenario = getBuiltInScenario('cuban-missile-crisis')!;
    const maxOf = (seatId: string) => {
      const roleId = g.state.created ? g.state.seats[seatId]?.roleId : undefined;
      return scenario.roles.find((r) => r.id === roleId)!.objectives.reduce((n, o) => n + Math.max(0, o.points), 0);
    };
    const rows = [...(debrief.scores ?? []), ...(project(g.state, { kind: 'projector' })!.scores ?? [])];
    expect(rows).toHaveLength(16);
    for (const row of rows) expect(row.max, row.name).toBe(maxOf(row.seatId));
    expect(debrief.scores!.find((r) => r.seatId === reporter)!.max).toBeLessThan(100);
  });
});
