import { AppendList, AppendRecord } from './append-log';
import type { GameEvent } from './events';
import { enter as enterChannel, leave as leaveChannel } from './membership';
import { supportEntries } from './support-ledger';
import { clamp, frontChannelId, isCurrentMember, maxEscalation, pressChannelId, teamChannelId } from './queries';
import type { ActiveGame, Channel, GameState, Proposal, Seat, TableClock, TableState } from './state';
import { NEW_CLOCK, sessionClock } from './table-clock';

/**
 * Applies one event. Pure: every decision was made in `decide` and recorded in the event, so
 * folding a stored log always rebuilds the same state. An event that names a seat, table,
 * channel, message or proposal the state does not hold is a bug in `decide` (or a corrupt log):
 * it throws instead of being skipped, so the bug shows where it happens rather than as a view
 * that is quietly wrong later.
 */
export function evolve(state: GameState, event: GameEvent): GameState {
  if (event.type === 'SessionCreated') {
    if (state.created) throw new EvolveError(event, `session ${state.code} already exists`);
    return {
      created: true,
      code: event.code,
      scenario: event.scenario,
      options: event.options,
      rng: event.seed,
      salt: event.seed,
      status: 'lobby',
      locked: false,
      phaseIndex: -1,
      deadlineAt: null,
      pausedRemainingMs: null,
      startedAt: null,
      endedAt: null,
      seats: {},
      tables: {},
      channels: {},
      messages: AppendList.empty(),
      activity: 0,
      tips: AppendRecord.empty(),
      stories: AppendList.empty(),
      proposals: {},
      broadcasts: AppendList.empty(),
      scores: null,
      supportLog: AppendList.empty(),
    };
  }
  if (!state.created) throw new EvolveError(event, 'no session has been created');
  return apply(state, event);
}

export class EvolveError extends Error {
  constructor(event: GameEvent, problem: string) {
    super(`evolve: ${event.type} cannot apply: ${problem}`);
    this.name = 'EvolveError';
  }
}

/** The thing an event names, or a loud failure. */
function known<T>(value: T | undefined, event: GameEvent, what: string): T {
  if (value === undefined) throw new EvolveError(event, `it names ${what}, which does not exist`);
  return value;
}

function apply(game: ActiveGame, event: Exclude<GameEvent, { type: 'SessionCreated' }>): ActiveGame {
  switch (event.type) {
    case 'PlayerJoined':
      if (game.seats[event.seatId]) throw new EvolveError(event, `seat ${event.seatId} already exists`);
      return { ...game, seats: { ...game.seats, [event.seatId]: { id: event.seatId, name: event.name, status: 'active', tableId: null, roleId: null } } };
    case 'PlayerLeft':
      return updateSeat(game, event, event.seatId, { status: 'left', tableId: null, roleId: null });
    case 'PlayerKicked': {
      known(game.seats[event.seatId], event, `seat ${event.seatId}`);
      const channels = { ...game.channels };
      for (const c of Object.values(channels)) channels[c.id] = leaveChannel(game, c, event.seatId);
      return updateSeat({ ...game, channels }, event, event.seatId, { status: 'kicked' });
    }
    case 'RoomLocked':
      return { ...game, locked: event.locked };
    case 'SeatsDealt': {
      const seats = { ...game.seats };
      for (const seat of Object.values(seats)) {
        if (seat.status === 'active') seats[seat.id] = { ...seat, tableId: null, roleId: null };
      }
      for (const a of event.assignments) {
        const seat = known(seats[a.seatId], event, `seat ${a.seatId}`);
        if (!event.tableIds.includes(a.tableId)) throw new EvolveError(event, `it seats ${a.seatId} at table ${a.tableId}, which it does not deal`);
        known(game.scenario.roles.find((r) => r.id === a.roleId), event, `role ${a.roleId}`);
        seats[a.seatId] = { ...seat, tableId: a.tableId, roleId: a.roleId };
      }
      const tables: Record<string, TableState> = {};
      let channels: Record<string, Channel> = {};
      for (const tableId of event.tableIds) {
        tables[tableId] = newTable(game, tableId);
        channels = { ...channels, ...tableChannels(game, tableId) };
      }
      return { ...game, seats, tables, channels, rng: event.rng };
    }
    case 'SeatMoved':
      known(game.tables[event.tableId], event, `table ${event.tableId}`);
      known(game.scenario.roles.find((r) => r.id === event.roleId), event, `role ${event.roleId}`);
      return updateSeat(game, event, event.seatId, { tableId: event.tableId, roleId: event.roleId });
    case 'SeatsSwapped': {
      const a = known(game.seats[event.seatA], event, `seat ${event.seatA}`);
      const b = known(game.seats[event.seatB], event, `seat ${event.seatB}`);
      const seats = { ...game.seats, [a.id]: { ...a, tableId: b.tableId, roleId: b.roleId }, [b.id]: { ...b, tableId: a.tableId, roleId: a.roleId } };
      return { ...game, seats };
    }
    case 'SeatReplaced': {
      const next = updateSeat(game, event, event.seatId, { name: event.name });
      return event.fromSeatId === null ? next : updateSeat(next, event, event.fromSeatId, { status: 'left', tableId: null, roleId: null });
    }
    case 'SessionStarted':
      return { ...game, status: 'running', locked: true, startedAt: event.at };
    case 'PhaseStarted':
      return moveClock({ ...game, rng: event.rng ?? game.rng }, event, event.tableId, { phaseIndex: event.phaseIndex });
    case 'DeadlineSet':
      return moveClock(game, event, event.tableId, { deadlineAt: event.deadlineAt, pausedRemainingMs: null });
    case 'ClockPaused':
      return moveClock(game, event, event.tableId, { deadlineAt: null, pausedRemainingMs: event.remainingMs });
    case 'ClockResumed':
      if (event.tableId !== undefined) known(game.tables[event.tableId], event, `table ${event.tableId}`);
      return game; // the DeadlineSet that follows carries the new deadline
    case 'TableFinished':
      return moveClock({ ...game, rng: event.rng ?? game.rng }, event, event.tableId, { deadlineAt: null, pausedRemainingMs: null, finishedAt: event.at });
    case 'EscalationRaised':
      return updateTable(game, event, event.tableId, () => ({ escalation: event.level }));
    case 'SessionEnded': {
      const tables = Object.fromEntries(Object.values(game.tables).map((t) => [t.id, { ...t, clock: { ...t.clock, deadlineAt: null, pausedRemainingMs: null } }]));
      return { ...game, status: 'ended', deadlineAt: null, pausedRemainingMs: null, endedAt: event.at, tables, scores: event.scores, rng: event.rng ?? game.rng };
    }
    case 'MessagePosted': {
      const n = game.activity;
      const channel = known(game.channels[event.channelId], event, `channel ${event.channelId}`);
      if (channel.tableId !== event.tableId) throw new EvolveError(event, `channel ${channel.id} is at table ${channel.tableId}, not ${event.tableId}`);
      if (event.author.kind === 'seat') known(game.seats[event.author.seatId], event, `seat ${event.author.seatId}`);
      const channels = { ...game.channels, [channel.id]: { ...channel, messageCount: channel.messageCount + 1 } };
      const message = { id: event.messageId, n, tableId: event.tableId, channelId: event.channelId, author: event.author, text: event.text, at: event.at, leakRisk: event.leakRisk };
      return { ...game, channels, messages: game.messages.append(message), activity: n + 1, rng: event.rng ?? game.rng };
    }
    case 'BackChannelOpened': {
      known(game.tables[event.tableId], event, `table ${event.tableId}`);
      if (game.channels[event.channelId]) throw new EvolveError(event, `channel ${event.channelId} already exists`);
      for (const id of [event.by, ...event.invitees]) known(game.seats[id], event, `seat ${id}`);
      const invited = Object.fromEntries(event.invitees.map((id) => [id, { by: event.by }]));
      const channel: Channel = {
        id: event.channelId, tableId: event.tableId, kind: 'back', side: null, topic: event.topic, openedBy: event.by,
        openedInPhase: tablePhase(game, event.tableId), seq: Object.values(game.channels).filter((c) => c.kind === 'back').length + 1, members: {}, invited, declined: [], messageCount: 0, exposed: false,
      };
      return { ...game, channels: { ...game.channels, [channel.id]: enterChannel(game, channel, event.by) } };
    }
    case 'BackChannelInvited':
      known(game.seats[event.seatId], event, `seat ${event.seatId}`);
      return updateChannel(game, event, event.channelId, (c) => ({ invited: { ...c.invited, [event.seatId]: { by: event.by } }, declined: c.declined.filter((id) => id !== event.seatId) }));
    case 'InvitationAnswered':
      return updateChannel(game, event, event.channelId, (c) => {
        known(c.invited[event.seatId], event, `an invitation of ${event.seatId} to ${c.id}`);
        if (isCurrentMember(c, event.seatId)) throw new EvolveError(event, `${event.seatId} is already in ${c.id}`);
        const invited = { ...c.invited };
        delete invited[event.seatId];
        return event.accepted ? { ...enterChannel(game, c, event.seatId), invited } : { invited, declined: [...c.declined.filter((id) => id !== event.seatId), event.seatId] };
      });
    case 'BackChannelLeft':
      return updateChannel(game, event, event.channelId, (c) => {
        if (!isCurrentMember(c, event.seatId)) throw new EvolveError(event, `${event.seatId} is not in ${c.id}`);
        return leaveChannel(game, c, event.seatId);
      });
    case 'LeakOccurred':
      known(game.tables[event.tip.tableId], event, `table ${event.tip.tableId}`);
      for (const id of event.tip.recipients) known(game.seats[id], event, `seat ${id}`);
      if (game.tips.has(event.tip.id)) throw new EvolveError(event, `tip ${event.tip.id} already exists`);
      return { ...game, tips: game.tips.add(event.tip), rng: event.rng ?? game.rng };
    case 'InvestigationStarted':
      return updateTable(game, event, event.tableId, (t) => ({ investigations: [...t.investigations.filter((w) => w.by !== event.by), { by: event.by, target: event.target, untilPhase: event.untilPhase }] }));
    case 'SurveillanceStarted':
      return updateTable(game, event, event.tableId, (t) => ({ surveillance: [...t.surveillance.filter((w) => w.by !== event.by), { by: event.by, target: event.target, untilPhase: event.untilPhase }] }));
    case 'StoryPublished': {
      let next: ActiveGame = { ...game, stories: game.stories.append(event.story) };
      next = moveSupport(next, event, event.story.tableId, event.story.supportDelta);
      if (event.story.tipId !== null) known(game.tips.get(event.story.tipId), event, `tip ${event.story.tipId}`);
      if (event.exposedChannelId) next = updateChannel(next, event, event.exposedChannelId, () => ({ exposed: true }));
      if (event.exposedSecretIssue) {
        const issue = event.exposedSecretIssue;
        next = updateTable(next, event, event.story.tableId, (t) => ({
          agreement: { ...known(t.agreement ?? undefined, event, `an agreement at ${t.id}`), exposedSecretIssues: [...(t.agreement?.exposedSecretIssues ?? []), issue] },
        }));
      }
      return next;
    }
    case 'SpoilerMobilised': {
      const next = updateTable(game, event, event.tableId, (t) => ({ mobilisations: [...t.mobilisations, { seatId: event.seatId, phase: tablePhase(game, event.tableId) }] }));
      return moveSupport(next, event, event.tableId, event.supportDelta);
    }
    case 'PreconditionFulfilled':
      return moveSupport(updateTable(game, event, event.tableId, () => ({ preconditionMet: true })), event, event.tableId, event.supportDelta);
    case 'ProposalMade': {
      const channel = known(game.channels[event.channelId], event, `channel ${event.channelId}`);
      if (channel.tableId !== event.tableId) throw new EvolveError(event, `channel ${channel.id} is at table ${channel.tableId}, not ${event.tableId}`);
      known(game.seats[event.by], event, `seat ${event.by}`);
      if (game.proposals[event.proposalId]) throw new EvolveError(event, `proposal ${event.proposalId} already exists`);
      const proposals = { ...game.proposals };
      if (event.counterTo !== null) {
        const original = known(proposals[event.counterTo], event, `proposal ${event.counterTo}`);
        if (original.status === 'open') proposals[original.id] = { ...original, status: 'superseded' };
      }
      proposals[event.proposalId] = {
        id: event.proposalId, tableId: event.tableId, channelId: event.channelId, by: event.by, terms: event.terms, mode: event.mode,
        counterTo: event.counterTo, status: 'open', acceptedBySides: [], signedBy: [], atMessage: game.activity, at: event.at,
      };
      // A text in a back channel is usage like a message: it counts towards the channel's risk.
      const channels = channel.kind === 'back' ? { ...game.channels, [channel.id]: { ...channel, messageCount: channel.messageCount + 1 } } : game.channels;
      return { ...game, proposals, channels, activity: game.activity + 1, rng: event.rng ?? game.rng };
    }
    case 'ProposalAccepted':
      return updateProposal(game, event, event.proposalId, (p) => ({ acceptedBySides: [...p.acceptedBySides, event.side] }));
    case 'ProposalSigned':
      return updateProposal(game, event, event.proposalId, (p) => ({ signedBy: [...p.signedBy, event.by] }));
    case 'AgreementConcluded': {
      const proposals = { ...game.proposals };
      const channelId = known(game.proposals[event.proposalId], event, `proposal ${event.proposalId}`).channelId;
      for (const p of Object.values(proposals)) {
        if (p.channelId === channelId && p.status === 'open') proposals[p.id] = { ...p, status: p.id === event.proposalId ? 'concluded' : 'closed' };
      }
      const agreement = { proposalId: event.proposalId, concludedAt: event.at, announcedAt: null, originExposedFirst: false, exposedSecretIssues: [] };
      return updateTable({ ...game, proposals }, event, event.tableId, () => ({ agreement }));
    }
    case 'AgreementAnnounced': {
      const proposals = { ...game.proposals };
      for (const p of Object.values(proposals)) {
        if (p.tableId === event.tableId && p.status === 'open') proposals[p.id] = { ...p, status: 'closed' };
      }
      const next = updateTable({ ...game, proposals }, event, event.tableId, (t) => ({
        agreement: { ...known(t.agreement ?? undefined, event, `an agreement at ${t.id}`), announcedAt: event.at, originExposedFirst: event.originExposedFirst },
      }));
      return moveSupport(next, event, event.tableId, event.supportDelta);
    }
    case 'LegitimacyGained': {
      const gained = Math.max(0, ...Object.values(event.supportDelta));
      const next = updateTable(game, event, event.tableId, (t) => ({ legitimacy: t.legitimacy + gained }));
      return moveSupport(next, event, event.tableId, event.supportDelta);
    }
    case 'AgreementReneged': {
      const proposal = known(game.proposals[event.proposalId], event, `proposal ${event.proposalId}`);
      known(game.seats[event.by], event, `seat ${event.by}`);
      const proposals = { ...game.proposals, [proposal.id]: { ...proposal, status: 'closed' as const } };
      const next = updateTable({ ...game, proposals }, event, event.tableId, (t) => {
        if (t.agreement?.proposalId !== proposal.id) throw new EvolveError(event, `table ${t.id} has no agreement ${proposal.id}`);
        return { agreement: null, reneged: [...t.reneged.filter((s) => s !== event.side), event.side] };
      });
      return moveSupport(next, event, event.tableId, event.supportDelta);
    }
    case 'BroadcastSent': {
      let next: ActiveGame = { ...game, broadcasts: game.broadcasts.append(event.broadcast) };
      const tableIds = event.broadcast.tableId !== null ? [known(game.tables[event.broadcast.tableId], event, `table ${event.broadcast.tableId}`).id] : Object.keys(game.tables);
      for (const tableId of tableIds) {
        if (event.supportDelta) next = moveSupport(next, event, tableId, event.supportDelta);
        const by = event.escalation;
        if (by) next = updateTable(next, event, tableId, (t) => ({ escalation: clamp(t.escalation + by, 0, maxEscalation(game)) }));
      }
      return next;
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

/**
 * Moves one table's clock, or every table's when the event names none (the tables keep time
 * together, or the log predates per-table clocks); the session's clock follows.
 */
function moveClock(game: ActiveGame, event: GameEvent, tableId: string | undefined, patch: Partial<TableClock>): ActiveGame {
  if (tableId === undefined) {
    const tables = Object.fromEntries(Object.values(game.tables).map((t) => [t.id, { ...t, clock: { ...t.clock, ...patch } }]));
    const { finishedAt: _finished, ...session } = patch;
    return { ...game, ...session, tables };
  }
  const next = updateTable(game, event, tableId, (t) => ({ clock: { ...t.clock, ...patch } }));
  return { ...next, ...sessionClock(Object.values(next.tables)) };
}

/** The phase a table plays (the session's while tables keep time together). */
function tablePhase(game: ActiveGame, tableId: string): number {
  return game.tables[tableId]?.clock.phaseIndex ?? game.phaseIndex;
}

function newTable(game: ActiveGame, tableId: string): TableState {
  return {
    id: tableId,
    clock: NEW_CLOCK,
    support: Object.fromEntries(game.scenario.sides.map((s) => [s.id, s.initialSupport])),
    escalation: 0,
    preconditionMet: !game.scenario.precondition,
    agreement: null,
    investigations: [],
    surveillance: [],
    mobilisations: [],
    reneged: [],
    legitimacy: 0,
  };
}

function tableChannels(game: ActiveGame, tableId: string): Record<string, Channel> {
  const base = { tableId, topic: null, openedBy: null, openedInPhase: -1, seq: 0, members: {}, invited: {}, declined: [], messageCount: 0, exposed: false };
  const list: Channel[] = [
    { ...base, id: frontChannelId(tableId), kind: 'front', side: null },
    { ...base, id: pressChannelId(tableId), kind: 'press', side: null },
    ...game.scenario.sides.map((s) => ({ ...base, id: teamChannelId(tableId, s.id), kind: 'team' as const, side: s.id })),
  ];
  return Object.fromEntries(list.map((c) => [c.id, c]));
}

function updateSeat(game: ActiveGame, event: GameEvent, seatId: string, patch: Partial<Seat>): ActiveGame {
  const seat = known(game.seats[seatId], event, `seat ${seatId}`);
  return { ...game, seats: { ...game.seats, [seatId]: { ...seat, ...patch } } };
}

function updateTable(game: ActiveGame, event: GameEvent, tableId: string, patch: (t: TableState) => Partial<TableState>): ActiveGame {
  const table = known(game.tables[tableId], event, `table ${tableId}`);
  return { ...game, tables: { ...game.tables, [tableId]: { ...table, ...patch(table) } } };
}

function updateChannel(game: ActiveGame, event: GameEvent, channelId: string, patch: (c: Channel) => Partial<Channel>): ActiveGame {
  const channel = known(game.channels[channelId], event, `channel ${channelId}`);
  return { ...game, channels: { ...game.channels, [channelId]: { ...channel, ...patch(channel) } } };
}

function updateProposal(game: ActiveGame, event: GameEvent, id: string, patch: (p: Proposal) => Partial<Proposal>): ActiveGame {
  const p = known(game.proposals[id], event, `proposal ${id}`);
  return { ...game, proposals: { ...game.proposals, [id]: { ...p, ...patch(p) } } };
}

function moveSupport(game: ActiveGame, event: GameEvent, tableId: string, delta: Record<string, number>): ActiveGame {
  const before = known(game.tables[tableId], event, `table ${tableId}`).support;
  const next = updateTable(game, event, tableId, (t) => {
    const support = { ...t.support };
    for (const [side, d] of Object.entries(delta)) {
      support[side] = clamp(known(support[side], event, `side ${side}`) + d, 0, 100);
    }
    return { support };
  });
  const entries = supportEntries(event, tableId, delta, before, next.tables[tableId]!.support);
  return entries.length > 0 ? { ...next, supportLog: game.supportLog.append(...entries) } : next;
}
