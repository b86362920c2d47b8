import { leakRisk } from './leak-risk';
import { LIMITS } from './limits';
import { acceptingSides, currentMembers } from './queries';
import { sessionHeader, tableClockView } from './session-header';
import { atTable } from './table-clock';
import type { ActiveGame } from './state';
import type { FacilitatorChannel, FacilitatorProposal, FacilitatorSeat, FacilitatorStory, FacilitatorTable, FacilitatorTip, FacilitatorView } from './view';

/**
 * The facilitator's god view: every secret, built field by field like the players' views, so
 * that nothing reaches the dashboard by accident (the generator's state, the secret seed, the
 * engine's counters and membership windows stay in the engine).
 */
/** `from`: the first message of the log to list (see ProjectOptions in project.ts). */
export function projectFacilitator(game: ActiveGame, from = 0): FacilitatorView {
  const byId = <T extends { id: string }, V>(list: T[], view: (item: T) => V): Record<string, V> => Object.fromEntries(list.map((item) => [item.id, view(item)]));
  const back = Object.values(game.channels).filter((c) => c.kind === 'back');
  return {
    kind: 'facilitator',
    session: sessionHeader(game),
    code: game.code,
    status: game.status,
    locked: game.locked,
    scenario: game.scenario,
    options: game.options,
    seats: byId(Object.values(game.seats), (s): FacilitatorSeat => ({ id: s.id, name: s.name, status: s.status, tableId: s.tableId, roleId: s.roleId })),
    tables: byId(Object.values(game.tables), (t): FacilitatorTable => ({
      id: t.id, clock: tableClockView(game, t.id), support: t.support, escalation: t.escalation, preconditionMet: t.preconditionMet,
      agreement: t.agreement && {
        proposalId: t.agreement.proposalId, concludedAt: t.agreement.concludedAt, announcedAt: t.agreement.announcedAt,
        originExposedFirst: t.agreement.originExposedFirst, exposedSecretIssues: t.agreement.exposedSecretIssues,
      },
      investigations: t.investigations, surveillance: t.surveillance, mobilisations: t.mobilisations,
    })),
    channels: byId(Object.values(game.channels), (c): FacilitatorChannel => {
      const members = currentMembers(c);
      return {
        id: c.id, tableId: c.tableId, kind: c.kind, side: c.side, topic: c.topic, openedBy: c.openedBy, members,
        formerMembers: Object.keys(c.members).filter((id) => !members.includes(id)), invited: c.invited, messageCount: c.messageCount, exposed: c.exposed,
      };
    }),
    messages: game.messages.slice(from).map((m) => ({ id: m.id, tableId: m.tableId, channelId: m.channelId, author: m.author, text: m.text, at: m.at, leakRisk: m.leakRisk })),
    tips: byId(game.tips.values(), (t): FacilitatorTip => ({ id: t.id, tableId: t.tableId, form: t.form, text: t.text, recipients: t.recipients, source: t.source, manual: t.manual, at: t.at })),
    stories: game.stories.map((s): FacilitatorStory => ({
      id: s.id, tableId: s.tableId, journalistId: s.journalistId, headline: s.headline, body: s.body, tipId: s.tipId, exposed: s.exposed, accurate: s.accurate, supportDelta: s.supportDelta, at: s.at,
    })),
    proposals: byId(Object.values(game.proposals), (p): FacilitatorProposal => ({
      id: p.id, tableId: p.tableId, channelId: p.channelId, by: p.by, terms: p.terms, mode: p.mode, counterTo: p.counterTo, status: p.status,
      acceptedBySides: acceptingSides(game, p), signedBy: p.signedBy, at: p.at,
    })),
    broadcasts: game.broadcasts.toArray(),
    scores: game.scores,
    risks: Object.fromEntries(back.map((c) => [c.id, leakRisk(atTable(game, c.tableId), c)])),
    limits: LIMITS,
  };
}
