import type { GameEvent } from './events';
import { clamp, frontChannelId, maxEscalation, pressChannelId, teamChannelId } from './queries';
import type { ActiveGame, Channel, GameState, TableState } from './state';

/**
 * Applies one event. Pure and total: every decision was made in `decide` and recorded in the
 * event, so folding a stored log always rebuilds the same state.
 */
export function evolve(state: GameState, event: GameEvent): GameState {
  if (event.type === 'SessionCreated') {
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
      seats: {},
      tables: {},
      channels: {},
      messages: [],
      activity: 0,
      tips: {},
      stories: [],
      proposals: {},
      broadcasts: [],
      scores: null,
    };
  }
  if (!state.created) return state;
  return apply(state, event);
}

function apply(game: ActiveGame, event: Exclude<GameEvent, { type: 'SessionCreated' }>): ActiveGame {
  switch (event.type) {
    case 'PlayerJoined':
      return { ...game, seats: { ...game.seats, [event.seatId]: { id: event.seatId, name: event.name, status: 'active', tableId: null, roleId: null } } };
    case 'PlayerLeft':
      return updateSeat(game, event.seatId, { status: 'left', tableId: null, roleId: null });
    case 'PlayerKicked': {
      const channels = { ...game.channels };
      for (const c of Object.values(channels)) {
        if (c.members[event.seatId]?.leftAtMessage === null) channels[c.id] = { ...c, members: { ...c.members, [event.seatId]: { leftAtMessage: game.activity } } };
      }
      return updateSeat({ ...game, channels }, event.seatId, { status: 'kicked' });
    }
    case 'RoomLocked':
      return { ...game, locked: event.locked };
    case 'SeatsDealt': {
      const seats = { ...game.seats };
      for (const seat of Object.values(seats)) {
        if (seat.status === 'active') seats[seat.id] = { ...seat, tableId: null, roleId: null };
      }
      for (const a of event.assignments) {
        const seat = seats[a.seatId];
        if (seat) seats[a.seatId] = { ...seat, tableId: a.tableId, roleId: a.roleId };
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
      return updateSeat(game, event.seatId, { tableId: event.tableId, roleId: event.roleId });
    case 'SeatsSwapped': {
      const a = game.seats[event.seatA];
      const b = game.seats[event.seatB];
      if (!a || !b) return game;
      const seats = { ...game.seats, [a.id]: { ...a, tableId: b.tableId, roleId: b.roleId }, [b.id]: { ...b, tableId: a.tableId, roleId: a.roleId } };
      return { ...game, seats };
    }
    case 'SessionStarted':
      return { ...game, status: 'running', locked: true };
    case 'PhaseStarted':
      return { ...game, phaseIndex: event.phaseIndex, rng: event.rng ?? game.rng };
    case 'DeadlineSet':
      return { ...game, deadlineAt: event.deadlineAt, pausedRemainingMs: null };
    case 'ClockPaused':
      return { ...game, deadlineAt: null, pausedRemainingMs: event.remainingMs };
    case 'ClockResumed':
      return game; // the DeadlineSet that follows carries the new deadline
    case 'EscalationRaised':
      return updateTable(game, event.tableId, () => ({ escalation: event.level }));
    case 'SessionEnded':
      return { ...game, status: 'ended', deadlineAt: null, pausedRemainingMs: null, scores: event.scores, rng: event.rng ?? game.rng };
    case 'MessagePosted': {
      const n = game.activity;
      const channel = game.channels[event.channelId];
      const channels = channel ? { ...game.channels, [channel.id]: { ...channel, messageCount: channel.messageCount + 1 } } : game.channels;
      const message = { id: event.messageId, n, tableId: event.tableId, channelId: event.channelId, author: event.author, text: event.text, at: event.at, leakRisk: event.leakRisk };
      return { ...game, channels, messages: [...game.messages, message], activity: n + 1, rng: event.rng ?? game.rng };
    }
    case 'BackChannelOpened': {
      const invited = Object.fromEntries(event.invitees.map((id) => [id, { by: event.by }]));
      const channel: Channel = {
        id: event.channelId, tableId: event.tableId, kind: 'back', side: null, topic: event.topic, openedBy: event.by,
        openedInPhase: game.phaseIndex, members: { [event.by]: { leftAtMessage: null } }, invited, declined: [], messageCount: 0, exposed: false,
      };
      return { ...game, channels: { ...game.channels, [channel.id]: channel } };
    }
    case 'BackChannelInvited':
      return updateChannel(game, event.channelId, (c) => ({ invited: { ...c.invited, [event.seatId]: { by: event.by } }, declined: c.declined.filter((id) => id !== event.seatId) }));
    case 'InvitationAnswered':
      return updateChannel(game, event.channelId, (c) => {
        const invited = { ...c.invited };
        delete invited[event.seatId];
        const members = event.accepted ? { ...c.members, [event.seatId]: { leftAtMessage: null } } : c.members;
        const declined = event.accepted ? c.declined : [...c.declined.filter((id) => id !== event.seatId), event.seatId];
        return { invited, members, declined };
      });
    case 'BackChannelLeft':
      return updateChannel(game, event.channelId, (c) => ({ members: { ...c.members, [event.seatId]: { leftAtMessage: game.activity } } }));
    case 'LeakOccurred':
      return { ...game, tips: { ...game.tips, [event.tip.id]: event.tip }, rng: event.rng ?? game.rng };
    case 'InvestigationStarted':
      return updateTable(game, event.tableId, (t) => ({ investigations: [...t.investigations.filter((w) => w.by !== event.by), { by: event.by, target: event.target, untilPhase: event.untilPhase }] }));
    case 'SurveillanceStarted':
      return updateTable(game, event.tableId, (t) => ({ surveillance: [...t.surveillance.filter((w) => w.by !== event.by), { by: event.by, target: event.target, untilPhase: event.untilPhase }] }));
    case 'StoryPublished': {
      let next: ActiveGame = { ...game, stories: [...game.stories, event.story] };
      next = moveSupport(next, event.story.tableId, event.story.supportDelta);
      if (event.exposedChannelId) next = updateChannel(next, event.exposedChannelId, () => ({ exposed: true }));
      if (event.exposedSecretIssue) {
        const issue = event.exposedSecretIssue;
        next = updateTable(next, event.story.tableId, (t) => (t.agreement ? { agreement: { ...t.agreement, exposedSecretIssues: [...t.agreement.exposedSecretIssues, issue] } } : {}));
      }
      return next;
    }
    case 'SpoilerMobilised': {
      const next = updateTable(game, event.tableId, (t) => ({ mobilisations: [...t.mobilisations, { seatId: event.seatId, phase: game.phaseIndex }] }));
      return moveSupport(next, event.tableId, event.supportDelta);
    }
    case 'PreconditionFulfilled':
      return moveSupport(updateTable(game, event.tableId, () => ({ preconditionMet: true })), event.tableId, event.supportDelta);
    case 'ProposalMade': {
      const proposals = { ...game.proposals };
      if (event.counterTo && proposals[event.counterTo]?.status === 'open') {
        proposals[event.counterTo] = { ...proposals[event.counterTo]!, status: 'superseded' };
      }
      proposals[event.proposalId] = {
        id: event.proposalId, tableId: event.tableId, channelId: event.channelId, by: event.by, terms: event.terms, mode: event.mode,
        counterTo: event.counterTo, status: 'open', acceptedBySides: [], signedBy: [], atMessage: game.activity, at: event.at,
      };
      return { ...game, proposals, activity: game.activity + 1 };
    }
    case 'ProposalAccepted':
      return updateProposal(game, event.proposalId, (p) => ({ acceptedBySides: [...p.acceptedBySides, event.side] }));
    case 'ProposalSigned':
      return updateProposal(game, event.proposalId, (p) => ({ signedBy: [...p.signedBy, event.by] }));
    case 'AgreementConcluded': {
      const proposals = { ...game.proposals };
      const channelId = game.proposals[event.proposalId]?.channelId;
      for (const p of Object.values(proposals)) {
        if (p.channelId === channelId && p.status === 'open') proposals[p.id] = { ...p, status: p.id === event.proposalId ? 'concluded' : 'closed' };
      }
      const agreement = { proposalId: event.proposalId, concludedAt: event.at, announcedAt: null, originExposedFirst: false, exposedSecretIssues: [] };
      return updateTable({ ...game, proposals }, event.tableId, () => ({ agreement }));
    }
    case 'AgreementAnnounced': {
      const proposals = { ...game.proposals };
      for (const p of Object.values(proposals)) {
        if (p.tableId === event.tableId && p.status === 'open') proposals[p.id] = { ...p, status: 'closed' };
      }
      const next = updateTable({ ...game, proposals }, event.tableId, (t) => (t.agreement ? { agreement: { ...t.agreement, announcedAt: event.at, originExposedFirst: event.originExposedFirst } } : {}));
      return moveSupport(next, event.tableId, event.supportDelta);
    }
    case 'BroadcastSent': {
      let next: ActiveGame = { ...game, broadcasts: [...game.broadcasts, event.broadcast] };
      const tableIds = event.broadcast.tableId ? [event.broadcast.tableId] : Object.keys(game.tables);
      for (const tableId of tableIds) {
        if (event.supportDelta) next = moveSupport(next, tableId, event.supportDelta);
        const by = event.escalation;
        if (by) next = updateTable(next, tableId, (t) => ({ escalation: clamp(t.escalation + by, 0, maxEscalation(game)) }));
      }
      return next;
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

function newTable(game: ActiveGame, tableId: string): TableState {
  return {
    id: tableId,
    support: Object.fromEntries(game.scenario.sides.map((s) => [s.id, s.initialSupport])),
    escalation: 0,
    preconditionMet: !game.scenario.precondition,
    agreement: null,
    investigations: [],
    surveillance: [],
    mobilisations: [],
  };
}

function tableChannels(game: ActiveGame, tableId: string): Record<string, Channel> {
  const base = { tableId, topic: null, openedBy: null, openedInPhase: -1, members: {}, invited: {}, declined: [], messageCount: 0, exposed: false };
  const list: Channel[] = [
    { ...base, id: frontChannelId(tableId), kind: 'front', side: null },
    { ...base, id: pressChannelId(tableId), kind: 'press', side: null },
    ...game.scenario.sides.map((s) => ({ ...base, id: teamChannelId(tableId, s.id), kind: 'team' as const, side: s.id })),
  ];
  return Object.fromEntries(list.map((c) => [c.id, c]));
}

function updateSeat(game: ActiveGame, seatId: string, patch: Partial<ActiveGame['seats'][string]>): ActiveGame {
  const seat = game.seats[seatId];
  return seat ? { ...game, seats: { ...game.seats, [seatId]: { ...seat, ...patch } } } : game;
}

function updateTable(game: ActiveGame, tableId: string, patch: (t: TableState) => Partial<TableState>): ActiveGame {
  const table = game.tables[tableId];
  return table ? { ...game, tables: { ...game.tables, [tableId]: { ...table, ...patch(table) } } } : game;
}

function updateChannel(game: ActiveGame, channelId: string, patch: (c: Channel) => Partial<Channel>): ActiveGame {
  const channel = game.channels[channelId];
  return channel ? { ...game, channels: { ...game.channels, [channelId]: { ...channel, ...patch(channel) } } } : game;
}

function updateProposal(game: ActiveGame, id: string, patch: (p: ActiveGame['proposals'][string]) => Partial<ActiveGame['proposals'][string]>): ActiveGame {
  const p = game.proposals[id];
  return p ? { ...game, proposals: { ...game.proposals, [id]: { ...p, ...patch(p) } } } : game;
}

function moveSupport(game: ActiveGame, tableId: string, delta: Record<string, number>): ActiveGame {
  return updateTable(game, tableId, (t) => {
    const support = { ...t.support };
    for (const [side, d] of Object.entries(delta)) {
      if (support[side] !== undefined) support[side] = clamp(support[side] + d, 0, 100);
    }
    return { support };
  });
}
