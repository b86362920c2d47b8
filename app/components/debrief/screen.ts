import type { ChannelKind, FacilitatorView, Scenario, SeatView, Term } from '../../../server/engine';
import type { ReplayMoment, Timeline } from '../../../server/replay/types';

/**
 * One moment of the replay in the shape the screen draws, whether it came from the god view or
 * from a seat's own view. Pure: only what the server sent is rearranged, nothing is added.
 */
export interface ScreenText {
  id: string;
  at: number;
  from: string;
  text: string;
  /** The god view only: the risk this back-channel text carried. */
  leakRisk: number | null;
  control: boolean;
}

export interface ScreenChannel {
  id: string;
  tableId: string | null;
  kind: ChannelKind;
  label: string;
  members: string[];
  exposed: boolean;
  /** God view: the risk of the next text; a seat: the level its screen showed. */
  risk: string | null;
  left: boolean;
  texts: ScreenText[];
}

export interface ScreenTable {
  id: string;
  name: string;
  support: { side: string; name: string; value: number }[];
  escalation: string;
  agreement: string | null;
}

export interface ScreenProposal {
  id: string;
  channelId: string;
  from: string;
  mode: 'exploratory' | 'official';
  status: string;
  terms: string[];
  at: number;
}

export interface Screen {
  tables: ScreenTable[];
  channels: ScreenChannel[];
  proposals: ScreenProposal[];
  tips: { id: string; at: number; text: string; note: string }[];
  stories: { id: string; at: number; headline: string; body: string }[];
  /** The seat's own status line ("Ana — President Kennedy, Table 1"), or null in the god view. */
  seatLine: string | null;
  empty: string | null;
}

type SeatNames = Map<string, { name: string; role: string }>;

/** The trace names of the facilitator's replay. */
export function traceNames(timeline: Timeline) {
  return { seats: seatNames(timeline), sides: timeline.sides, tables: timeline.tables };
}

export function seatNames(timeline: Timeline): SeatNames {
  const names: SeatNames = new Map();
  for (const t of timeline.tables) for (const s of t.seats) names.set(s.seatId, { name: s.name, role: s.role });
  return names;
}

const who = (names: SeatNames, seatId: string) => {
  const s = names.get(seatId);
  return s ? `${s.name} (${s.role})` : 'someone who left';
};

function termText(scenario: Pick<Scenario, 'issues'>, t: Term): string {
  const issue = scenario.issues.find((i) => i.id === t.issueId);
  const option = issue?.options.find((o) => o.id === t.optionId)?.label ?? t.optionId;
  return `${issue?.title ?? t.issueId}: ${option}${t.secret ? ' (secret)' : ''}`;
}

function sideName(scenario: Pick<Scenario, 'sides'>, id: string | null): string {
  return scenario.sides.find((s) => s.id === id)?.name ?? id ?? '';
}

function channelLabel(scenario: Pick<Scenario, 'sides'>, c: { kind: ChannelKind; side: string | null; topic: string | null }): string {
  switch (c.kind) {
    case 'front':
      return 'Front channel';
    case 'team':
      return `Team: ${sideName(scenario, c.side)}`;
    case 'press':
      return 'Press';
    case 'back':
      return `Back channel: ${c.topic ?? 'untitled'}`;
  }
}

function escalationText(scenario: Pick<Scenario, 'escalation'>, level: number): string {
  const l = scenario.escalation[level];
  return l ? `${l.title} (level ${level} of ${scenario.escalation.length - 1})` : `level ${level}`;
}

const tableName = (timeline: Timeline, id: string) => timeline.tables.find((t) => t.tableId === id)?.name ?? `Table ${id.replace(/^t/, '')}`;

function fromGod(view: FacilitatorView, timeline: Timeline, onlyTable: string | null): Screen {
  const names = seatNames(timeline);
  const scenario = view.scenario;
  const inTable = (tableId: string) => onlyTable === null || tableId === onlyTable;
  const tables = Object.values(view.tables)
    .filter((t) => inTable(t.id))
    .map((t) => ({
      id: t.id,
      name: tableName(timeline, t.id),
      support: Object.entries(t.support).map(([side, value]) => ({ side, name: sideName(scenario, side), value })),
      escalation: escalationText(scenario, t.escalation),
      agreement: t.agreement
        ? `${t.agreement.announcedAt ? 'Announced' : 'Concluded in secret'}: ${(view.proposals[t.agreement.proposalId]?.terms ?? []).map((x) => termText(scenario, x)).join('; ')}`
        : null,
    }));
  const channels = Object.values(view.channels)
    .filter((c) => inTable(c.tableId))
    .map((c) => ({
      id: c.id,
      tableId: c.tableId,
      kind: c.kind,
      label: `${onlyTable === null && Object.keys(view.tables).length > 1 ? `${tableName(timeline, c.tableId)} · ` : ''}${channelLabel(scenario, c)}`,
      members: c.members.map((m) => who(names, m)),
      exposed: c.exposed,
      risk: c.kind === 'back' && view.risks[c.id] !== undefined ? `${Math.round(view.risks[c.id]! * 1000) / 10}% next` : null,
      left: false,
      texts: view.messages
        .filter((m) => m.channelId === c.id)
        .map((m) => ({ id: m.id, at: m.at, from: m.author.kind === 'control' ? 'Control' : who(names, m.author.seatId), text: m.text, leakRisk: m.leakRisk, control: m.author.kind === 'control' })),
    }));
  return {
    tables,
    channels,
    proposals: Object.values(view.proposals)
      .filter((p) => inTable(p.tableId))
      .map((p) => ({ id: p.id, channelId: p.channelId, from: who(names, p.by), mode: p.mode, status: p.status, terms: p.terms.map((t) => termText(scenario, t)), at: p.at })),
    tips: Object.values(view.tips)
      .filter((t) => inTable(t.tableId))
      .map((t) => ({ id: t.id, at: t.at, text: t.text, note: `${t.manual ? 'Leaked by Control' : 'Leaked'} to ${t.recipients.map((r) => who(names, r)).join(', ') || 'the press desk'}` })),
    stories: view.stories.filter((s) => inTable(s.tableId)).map((s) => ({ id: s.id, at: s.at, headline: s.headline, body: s.body })),
    seatLine: null,
    empty: channels.length === 0 ? 'No channel is open yet at this moment.' : null,
  };
}

export function seatScreen(view: SeatView): Screen {
  const scenario = view.session.scenario;
  const seats = view.table?.seats ?? [];
  const label = (seatId: string) => {
    const s = seats.find((x) => x.id === seatId);
    return s ? `${s.name}${s.roleTitle ? ` (${s.roleTitle})` : ''}` : 'someone who left';
  };
  const table = view.table;
  return {
    tables: table
      ? [
          {
            id: table.id,
            name: `Table ${table.id.replace(/^t/, '')}`,
            support: Object.entries(table.support).map(([side, value]) => ({ side, name: sideName(scenario, side), value })),
            escalation: escalationText(scenario, table.escalation),
            agreement: table.agreement ? `${table.agreement.announced ? 'Announced' : 'Concluded, not announced'}: ${table.agreement.terms.map((t) => termText(scenario, t)).join('; ')}` : null,
          },
        ]
      : [],
    channels: view.channels.map((c) => ({
      id: c.id,
      tableId: table?.id ?? null,
      kind: c.kind,
      label: channelLabel(scenario, c),
      members: c.members.map(label),
      exposed: c.exposed,
      risk: c.riskLevel ? `${c.riskLevel} risk` : null,
      left: c.left,
      texts: view.messages
        .filter((m) => m.channelId === c.id)
        .map((m) => ({ id: m.id, at: m.at, from: m.author.kind === 'control' ? 'Control' : label(m.author.seatId), text: m.text, leakRisk: null, control: m.author.kind === 'control' })),
    })),
    proposals: view.proposals.map((p) => ({ id: p.id, channelId: p.channelId, from: label(p.by), mode: p.mode, status: p.status, terms: p.terms.map((t) => termText(scenario, t)), at: p.at })),
    tips: view.tips.map((t) => ({ id: t.id, at: t.at, text: t.text, note: t.published ? 'A tip you received (published)' : 'A tip you received' })),
    stories: table?.stories.map((s) => ({ id: s.id, at: s.at, headline: s.headline, body: s.body })) ?? [],
    seatLine: `${view.me.name}${view.me.role ? ` — ${view.me.role.title}` : ''}${table ? `, Table ${table.id.replace(/^t/, '')}` : ''}`,
    empty: view.channels.length === 0 ? 'This seat had no channel yet at this moment.' : null,
  };
}

export function screenOf(moment: ReplayMoment, timeline: Timeline): Screen {
  if (moment.perspective.kind === 'seat') {
    if (moment.view === null) return { tables: [], channels: [], proposals: [], tips: [], stories: [], seatLine: null, empty: 'This seat did not exist yet at this moment.' };
    return seatScreen(moment.view as SeatView);
  }
  return fromGod(moment.view as FacilitatorView, timeline, moment.perspective.kind === 'table' ? moment.perspective.tableId : null);
}
