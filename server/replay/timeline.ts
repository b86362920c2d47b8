import { eventAt, type ActiveGame, type GameEvent, type GameState } from '../engine';
import { collect, type Collector, type ReplayLog } from './history';
import { strategyPicture } from './strategy-picture';
import type { Marker, PhaseSpan, ReplaySeat, ReplayTable, Timeline } from './types';

/** "Table 1", "Table 2"… in the order the tables were dealt. */
export function tableNames(game: ActiveGame): Record<string, string> {
  return Object.fromEntries(Object.keys(game.tables).map((id, i) => [id, `Table ${i + 1}`]));
}

export function roleTitle(game: ActiveGame, roleId: string | null | undefined): string {
  return game.scenario.roles.find((r) => r.id === roleId)?.title ?? 'Unseated';
}

export type Seating = Record<string, { tableId: string; roleId: string }>;

/**
 * Who sat where. A seat that left keeps the table and role it last had, so the debrief can still
 * say who said what. Read from the seating events alone: no fold needed.
 */
export function seatingOf(log: ReplayLog): Seating {
  const seating: Seating = {};
  for (const { event } of log.events) {
    if (event.type === 'SeatsDealt') for (const a of event.assignments) seating[a.seatId] = { tableId: a.tableId, roleId: a.roleId };
    if (event.type === 'SeatMoved') seating[event.seatId] = { tableId: event.tableId, roleId: event.roleId };
    if (event.type === 'SeatsSwapped') {
      const a = seating[event.seatA];
      const b = seating[event.seatB];
      if (b) seating[event.seatA] = b;
      if (a) seating[event.seatB] = a;
    }
  }
  return seating;
}

export function replayTables(game: ActiveGame, seating: Seating): ReplayTable[] {
  const names = tableNames(game);
  const order = new Map(game.scenario.roles.map((r, i) => [r.id, i]));
  return Object.keys(game.tables).map((tableId) => ({
    tableId,
    name: names[tableId]!,
    seats: Object.entries(seating)
      .filter(([, s]) => s.tableId === tableId)
      .sort(([, a], [, b]) => (order.get(a.roleId) ?? 0) - (order.get(b.roleId) ?? 0))
      .map(([seatId, s]): ReplaySeat => {
        const role = game.scenario.roles.find((r) => r.id === s.roleId);
        const side = role?.side ?? null;
        return { seatId, name: game.seats[seatId]?.name ?? '', roleId: s.roleId, role: role?.title ?? s.roleId, kind: role?.kind ?? 'leader', side, sideName: game.scenario.sides.find((x) => x.id === side)?.name ?? null };
      }),
  }));
}

function seatTitle(game: ActiveGame, seatId: string): string {
  return roleTitle(game, game.seats[seatId]?.roleId);
}

/** The markers one event makes, read with the state before it (and after, for names it creates). */
export function markersOf(seq: number, event: GameEvent, before: GameState, after: GameState): Marker[] {
  if (!after.created) return [];
  const game = after;
  const at = eventAt(event);
  const m = (kind: Marker['kind'], label: string, tableId: string | null = null): Marker => ({ seq, at, kind, tableId, label });
  const reachedDeadline = before.created && before.deadlineAt !== null && at >= before.deadlineAt;
  switch (event.type) {
    case 'PhaseStarted': {
      const phase = game.scenario.phases[event.phaseIndex];
      const ended = before.created ? game.scenario.phases[before.phaseIndex] : undefined;
      return [...(reachedDeadline && ended ? [m('deadline', `Deadline: end of ${ended.title}`)] : []), m('phase', `Phase: ${phase?.title ?? event.phaseIndex}`)];
    }
    case 'SessionEnded':
      return [...(reachedDeadline ? [m('deadline', 'Final deadline')] : []), m('phase', 'The session ended')];
    case 'LeakOccurred': {
      const tip = event.tip;
      if (tip.source.kind === 'rumour') return [m('rumour', 'Control planted a rumour', tip.tableId)];
      const what = tip.source.kind === 'secretTerm' ? 'A secret term leaked' : tip.source.kind === 'proposal' ? 'A proposal leaked' : 'A message leaked';
      const channelKind = tip.source.kind === 'secretTerm' ? (game.channels[game.proposals[tip.source.proposalId]?.channelId ?? '']?.kind ?? null) : (game.channels[tip.source.channelId]?.kind ?? null);
      return [{ ...m('leak', `${what}${tip.manual ? ' (leaked by Control)' : ''}`, tip.tableId), channelKind }];
    }
    case 'StoryPublished':
      return [m('story', `Story: “${event.story.headline}”`, event.story.tableId)];
    case 'BroadcastSent': {
      const b = event.broadcast;
      const kind = b.kind === 'news' || b.kind === 'intelligence' ? 'inject' : 'broadcast';
      return [{ ...m(kind, `${kind === 'inject' ? 'Inject' : 'Control'}: ${b.title}`, b.tableId), audience: b.audience }];
    }
    case 'ProposalMade': {
      const kind = game.channels[event.channelId]?.kind;
      const where = kind === 'back' ? 'in a back channel' : kind === 'front' ? 'in public' : 'in a team channel';
      return [{ ...m('proposal', `${event.mode === 'official' ? 'Draft agreement' : 'Exploratory proposal'} by ${seatTitle(game, event.by)} ${where}`, event.tableId), channelKind: kind ?? null }];
    }
    case 'ProposalSigned': {
      const proposal = game.proposals[event.proposalId];
      return [{ ...m('signature', `Signed by ${seatTitle(game, event.by)}`, proposal?.tableId ?? null), channelKind: game.channels[proposal?.channelId ?? '']?.kind ?? null }];
    }
    case 'AgreementAnnounced':
      return [m('announcement', 'The agreement was announced', event.tableId)];
    default:
      return [];
  }
}

export function buildTimeline(sessionId: string, log: ReplayLog, meta: { createdAt: number }): Timeline {
  return collect(log, timelineCollector(sessionId, log, meta, seatingOf(log)));
}

export function timelineCollector(sessionId: string, log: ReplayLog, meta: { createdAt: number }, seating: Seating): Collector<Timeline> {
  const markers: Marker[] = [];
  const phases: PhaseSpan[] = [];
  let startedAt: number | null = null;
  let endedAt: number | null = null;
  const visit: Collector<Timeline>['visit'] = ({ seq, event }, before, after) => {
    markers.push(...markersOf(seq, event, before, after));
    const at = eventAt(event);
    if (event.type === 'SessionStarted') startedAt = at;
    if (event.type === 'PhaseStarted' || event.type === 'SessionEnded') {
      const open = phases[phases.length - 1];
      if (open && open.endedAt === null) {
        open.endedAt = at;
        open.endedByDeadline = before.created && before.deadlineAt !== null && at >= before.deadlineAt;
      }
    }
    if (event.type === 'PhaseStarted' && after.created) {
      const phase = after.scenario.phases[event.phaseIndex];
      phases.push({ index: event.phaseIndex, id: phase?.id ?? String(event.phaseIndex), title: phase?.title ?? '', kind: phase?.kind ?? 'negotiation', startSeq: seq, startedAt: at, endedAt: null, endedByDeadline: false });
    }
    if (event.type === 'SessionEnded') endedAt = at;
  };
  return { visit, finish: (final) => timelineOf(final) };

  function timelineOf(final: ActiveGame): Timeline {
    const events = log.events;
    return {
      sessionId,
      code: final.code,
      scenarioId: final.scenario.id,
      scenarioTitle: final.scenario.title,
      status: final.status,
      createdAt: meta.createdAt,
      startedAt,
      endedAt,
      eventCount: events.length,
      firstSeq: events[0]?.seq ?? 0,
      lastSeq: events[events.length - 1]?.seq ?? 0,
      times: timesOf(events.map((e) => eventAt(e.event))),
      sides: final.scenario.sides.map((s) => ({ id: s.id, name: s.name })),
      phases,
      markers,
      tables: replayTables(final, seating),
      debriefQuestions: final.scenario.debriefQuestions,
      whatReallyHappened: final.scenario.whatReallyHappened,
      strategyPicture: strategyPicture(final.scenario.id),
    };
  }
}

/** Every event's time as offsets from the first: about 8 bytes an event instead of 14. */
function timesOf(ats: number[]): Timeline['times'] {
  const from = ats[0] ?? 0;
  return { from, offsets: ats.map((at) => at - from) };
}
