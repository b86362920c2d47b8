import { maxScore } from '../engine/score-share';
import type { ActiveGame, Author } from '../engine';
import { channelLabel } from './series';
import { termLabels } from './terms';
import { roleTitle, tableNames } from './timeline';
import type { ClassReveal, ClassTable, ClassView, LeakTrace, Marker } from './types';

export interface ClassViewInput {
  state: ActiveGame;
  seq: number;
  at: number;
  lastSeq: number;
  reveal: ClassReveal;
  markers: Marker[];
  traces: LeakTrace[];
  /** The seq of each message, by id. */
  textSeq: Map<string, number>;
  /** Where each seat sat (kept after it left), for labels. */
  seating: Record<string, { tableId: string; roleId: string }>;
}

/** Which markers a class may see: public ones always; back-channel ones only when revealed; never a team's or a side's own. */
export function classMarker(marker: Marker, reveal: ClassReveal, tables: Set<string>): boolean {
  if (marker.tableId !== null && !tables.has(marker.tableId)) return false;
  if (marker.audience !== undefined && marker.audience !== 'all') return false;
  switch (marker.kind) {
    case 'phase':
    case 'deadline':
    case 'story':
    case 'announcement':
    case 'inject':
    case 'broadcast':
      return true;
    case 'proposal':
    case 'signature':
      return marker.channelKind === 'front' || (reveal.backChannels && marker.channelKind === 'back');
    case 'leak':
      return reveal.backChannels && marker.channelKind === 'back';
    case 'rumour':
      return reveal.backChannels;
    default:
      return false;
  }
}

/**
 * What the class link shows at one moment: for each table the facilitator revealed, its public
 * record (support, stories, the front channel, an announced deal's public terms) and, if they
 * revealed them, its back channels, secret terms and leaks. Team channels, briefs and other
 * tables never; names only when revealed.
 */
export function buildClassView(input: ClassViewInput): ClassView {
  const { state, reveal } = input;
  const names = tableNames(state);
  const revealed = new Set(Object.keys(state.tables).filter((id) => reveal.tables === 'all' || reveal.tables.includes(id)));
  const label = (seatId: string) => {
    const role = roleTitle(state, input.seating[seatId]?.roleId ?? state.seats[seatId]?.roleId);
    return reveal.names ? `${state.seats[seatId]?.name ?? 'Someone'} (${role})` : role;
  };
  const from = (author: Author) => (author.kind === 'control' ? 'Control' : label(author.seatId));
  const ended = state.status === 'ended';
  const tables = [...revealed].map((tableId): ClassTable => {
    const table = state.tables[tableId]!;
    const channels = Object.values(state.channels).filter((c) => c.tableId === tableId && (c.kind === 'front' || (reveal.backChannels && c.kind === 'back')));
    const shown = new Set(channels.map((c) => c.id));
    const agreement = table.agreement;
    const proposal = agreement ? state.proposals[agreement.proposalId] : undefined;
    const publicTerms = proposal && agreement ? proposal.terms.filter((t) => reveal.backChannels || !t.secret || agreement.exposedSecretIssues.includes(t.issueId)) : [];
    const seatIds = Object.keys(input.seating).filter((id) => input.seating[id]!.tableId === tableId && state.seats[id] !== undefined);
    return {
      tableId,
      name: names[tableId]!,
      seats: seatIds.map((id) => {
        const role = state.scenario.roles.find((r) => r.id === input.seating[id]!.roleId);
        return { seatId: id, label: label(id), role: role?.title ?? '', side: role?.side ?? null };
      }),
      support: { ...table.support },
      escalation: table.escalation,
      agreement: agreement && proposal && (agreement.announcedAt !== null || reveal.backChannels)
        ? { announced: agreement.announcedAt !== null, announcedAt: agreement.announcedAt, terms: termLabels(state, publicTerms, agreement.exposedSecretIssues) }
        : null,
      stories: state.stories.filter((s) => s.tableId === tableId).map((s) => ({ id: s.id, at: s.at, headline: s.headline, body: s.body, exposed: s.exposed, accurate: ended ? s.accurate : null })),
      channels: channels.map((c) => ({
        channelId: c.id,
        kind: c.kind,
        label: channelLabel(state, c),
        members: c.kind === 'back' ? Object.keys(c.members).map(label) : [],
        exposed: c.exposed,
        texts: state.messages.filter((m) => m.channelId === c.id).map((m) => ({ id: m.id, seq: input.textSeq.get(m.id) ?? 0, at: m.at, channelId: m.channelId, from: from(m.author), text: m.text })),
      })),
      proposals: Object.values(state.proposals)
        .filter((p) => p.tableId === tableId && shown.has(p.channelId))
        .map((p) => ({ id: p.id, channelId: p.channelId, at: p.at, from: label(p.by), mode: p.mode, status: p.status, terms: termLabels(state, p.terms, agreement?.exposedSecretIssues ?? []) })),
      leaks: reveal.backChannels ? input.traces.filter((t) => t.tableId === tableId && t.tip.seq <= input.seq && (t.source === 'rumour' || t.origin.channelKind === 'back')).map((t) => classTrace(t, input.seq)) : [],
      scores: ended && state.scores
        ? state.scores.filter((s) => seatIds.includes(s.seatId)).map((s) => ({ label: label(s.seatId), role: roleTitle(state, input.seating[s.seatId]?.roleId), total: s.total, max: maxScore(s.objectives) }))
        : null,
    };
  });
  return {
    scenarioTitle: state.scenario.title,
    status: state.status,
    reveal,
    seq: input.seq,
    at: input.at,
    lastSeq: input.lastSeq,
    sides: state.scenario.sides.map((s) => ({ id: s.id, name: s.name })),
    markers: input.markers.filter((m) => classMarker(m, reveal, revealed)),
    tables,
  };
}

/** A leak trace as the class sees it at `seq`: a story not yet printed is not there. Seats stay ids; `seats` labels them. */
function classTrace(trace: LeakTrace, seq: number): LeakTrace {
  const story = trace.story && trace.story.seq <= seq ? trace.story : null;
  return { ...trace, story, published: story !== null, supportChange: story ? trace.supportChange : {} };
}
