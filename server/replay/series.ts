import { eventAt, type ActiveGame, type Channel } from '../engine';
import { collect, type Collector, type ReplayLog } from './history';
import { markersOf, seatingOf, tableNames, type Seating } from './timeline';
import type { ChannelInfo, Marker, ReplaySeries } from './types';

const MINUTE = 60_000;

export function channelLabel(game: ActiveGame, channel: Pick<Channel, 'kind' | 'side' | 'topic' | 'seq'>): string {
  switch (channel.kind) {
    case 'front':
      return 'Front (public talks)';
    case 'press':
      return 'Press';
    case 'team':
      return `Team ${game.scenario.sides.find((s) => s.id === channel.side)?.name ?? channel.side ?? ''}`.trim();
    case 'back':
      return `Back channel ${channel.seq}${channel.topic ? `: ${channel.topic}` : ''}`;
    default:
      return channel.kind;
  }
}

/** Who could read a text in this channel then, besides its author. */
function audience(game: ActiveGame, channel: Channel, author: string): string[] {
  const atTable = Object.values(game.seats).filter((s) => s.status === 'active' && s.tableId === channel.tableId);
  let ids: string[];
  if (channel.kind === 'back') ids = Object.entries(channel.members).filter(([, m]) => m.stays.some((s) => s.to === null)).map(([id]) => id);
  else if (channel.kind === 'team') ids = atTable.filter((s) => game.scenario.roles.find((r) => r.id === s.roleId)?.side === channel.side).map((s) => s.id);
  else if (channel.kind === 'front') ids = atTable.map((s) => s.id);
  else ids = [];
  return ids.filter((id) => id !== author);
}

/** The data behind the debrief's charts, from one fold of the log. */
export function buildSeries(log: ReplayLog): ReplaySeries {
  return collect(log, seriesCollector(seatingOf(log)));
}

export function seriesCollector(seating: Seating): Collector<ReplaySeries> {
  const markers: Marker[] = [];
  const texts: { at: number; channelId: string }[] = [];
  const support: ReplaySeries['support'] = [];
  const risk: ReplaySeries['risk'] = [];
  const talk = new Map<string, Map<string, { all: number; back: number }>>();
  let startedAt: number | null = null;
  let endedAt: number | null = null;
  const count = (tableId: string, from: string, to: string, back: boolean) => {
    const row = talk.get(tableId) ?? new Map<string, { all: number; back: number }>();
    talk.set(tableId, row);
    const key = `${from}\u0000${to}`;
    const cell = row.get(key) ?? { all: 0, back: 0 };
    cell.all++;
    if (back) cell.back++;
    row.set(key, cell);
  };
  const visit: Collector<ReplaySeries>['visit'] = ({ seq, event }, before, after) => {
    if (!after.created) return;
    const at = eventAt(event);
    markers.push(...markersOf(seq, event, before, after));
    if (event.type === 'SessionStarted') startedAt = at;
    if (event.type === 'SessionEnded') endedAt = at;
    for (const table of Object.values(after.tables)) {
      const was = before.created ? before.tables[table.id] : undefined;
      const changed = !was || was.escalation !== table.escalation || Object.entries(table.support).some(([side, v]) => was.support[side] !== v);
      if (changed) support.push({ seq, at, tableId: table.id, support: { ...table.support }, escalation: table.escalation });
    }
    if (event.type === 'MessagePosted' || event.type === 'ProposalMade') {
      texts.push({ at, channelId: event.channelId });
      if (event.leakRisk !== null) risk.push({ seq, at, tableId: event.tableId, channelId: event.channelId, risk: event.leakRisk });
      const author = event.type === 'ProposalMade' ? event.by : event.author.kind === 'seat' ? event.author.seatId : null;
      const channel = after.channels[event.channelId];
      if (author && channel) for (const to of audience(after, channel, author)) count(event.tableId, author, to, channel.kind === 'back');
    }
  };
  return { visit, finish: (final) => seriesOf(final) };

  function seriesOf(final: ActiveGame): ReplaySeries {
    const start = startedAt ?? texts[0]?.at ?? null;
    const messagesPerMinute: ReplaySeries['messagesPerMinute'] = [];
    if (start !== null && texts.length > 0) {
      const last = Math.max(...texts.map((t) => t.at), start);
      for (let minute = 0; minute <= Math.floor((last - start) / MINUTE); minute++) messagesPerMinute.push({ at: start + minute * MINUTE, minute, counts: {} });
      for (const t of texts) {
        const row = messagesPerMinute[Math.max(0, Math.floor((t.at - start) / MINUTE))]!;
        row.counts[t.channelId] = (row.counts[t.channelId] ?? 0) + 1;
      }
    }
    const names = tableNames(final);
    const channels: ChannelInfo[] = Object.values(final.channels)
      .filter((c) => c.kind !== 'press' || texts.some((t) => t.channelId === c.id))
      .map((c) => ({ channelId: c.id, tableId: c.tableId, kind: c.kind, label: `${names[c.tableId] ?? c.tableId} · ${channelLabel(final, c)}` }));
    return {
      startedAt: start,
      endedAt,
      bucketMs: MINUTE,
      channels,
      messagesPerMinute,
      support,
      markers,
      risk,
      talk: Object.keys(final.tables).map((tableId) => {
        const seatIds = Object.keys(seating).filter((id) => seating[id]!.tableId === tableId);
        const cells = talk.get(tableId);
        const matrix = (which: 'all' | 'back') => seatIds.map((from) => seatIds.map((to) => cells?.get(`${from}\u0000${to}`)?.[which] ?? 0));
        return { tableId, seatIds, all: matrix('all'), back: matrix('back') };
      }),
    };
  }
}
