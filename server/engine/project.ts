import { leakRisk, riskFactors, riskLevel } from './leak-risk';
import { acceptingSides, canSeeChannel, canSeeMessageAt, channelOpenInPhase, currentMembers, inOnAgreement, isCurrentMember, preparedIn, roleOf, seatsAt, sideOf } from './queries';
import { hasPower, ROLE_SUMMARY } from './abilities';
import { seatAbilities } from './can';
import { LIMITS } from './limits';
import { maxScore, rankedScores, scoreView } from './score-share';
import type { ActiveGame, Channel, GameState, Message, Proposal, Seat, Story } from './state';
import { projectFacilitator } from './project-facilitator';
import { sessionHeader, tableClockView } from './session-header';
import { atTable } from './table-clock';
import { supportLedgerFor } from './support-ledger';
import { LOBBY_NAMES_SHOWN, type AgreementView, type ChannelView, type FacilitatorView, type MessageView, type ProjectorView, type ProposalView, type SeatSummary, type SeatView, type StoryView, type TableView, type View, type Viewer } from './view';

export { sessionHeader };

/** Front-channel lines per table in the projector's view: a tile shows ten at most, and the view must not grow with the session. */
export const PROJECTOR_LINES = 20;

/**
 * `messagesFrom`: only messages at this index of the session's log or later go into the view's
 * message list (a seat's or the facilitator's `messages`). The fan-out asks for the messages a view
 * has not had yet instead of projecting the whole history after every command; every other field
 * is whole. Visibility is decided message by message, so the tail is exactly the end of the whole list.
 */
export interface ProjectOptions {
  messagesFrom?: number;
}

/**
 * The one exit for data. Everything a browser receives is built here, field by field, from
 * what the viewer is entitled to: a seat sees its channels, its brief, its tips and what is
 * public; the projector only what is public; the facilitator everything.
 */
export function project(state: GameState, viewer: { kind: 'seat'; seatId: string }, options?: ProjectOptions): SeatView | null;
export function project(state: GameState, viewer: { kind: 'projector' }, options?: ProjectOptions): ProjectorView | null;
export function project(state: GameState, viewer: { kind: 'facilitator' }, options?: ProjectOptions): FacilitatorView | null;
export function project(state: GameState, viewer: Viewer, options?: ProjectOptions): View | null;
export function project(state: GameState, viewer: Viewer, options: ProjectOptions = {}): View | null {
  if (!state.created) return null;
  const from = Math.max(0, options.messagesFrom ?? 0);
  switch (viewer.kind) {
    case 'seat': {
      const seat = state.seats[viewer.seatId];
      // A seat's header shows its own table's clock.
      return seat ? projectSeat(atTable(state, seat.tableId), seat, from) : null;
    }
    case 'projector':
      return projectProjector(state);
    case 'facilitator':
      return projectFacilitator(state, from);
    default: {
      const unreachable: never = viewer;
      return unreachable;
    }
  }
}

function seatSummary(game: ActiveGame, seat: Seat): SeatSummary {
  const role = roleOf(game, seat);
  return { id: seat.id, name: seat.name, roleId: role?.id ?? null, roleTitle: role?.title ?? null, kind: role?.kind ?? null, side: role?.side ?? null, backChannels: hasPower(role?.kind, 'sitInBackChannel') };
}

function messageView(m: Message): MessageView {
  return { id: m.id, channelId: m.channelId, author: m.author, text: m.text, at: m.at };
}

function proposalView(game: ActiveGame, p: Proposal): ProposalView {
  return { id: p.id, channelId: p.channelId, by: p.by, terms: p.terms, mode: p.mode, counterTo: p.counterTo, status: p.status, acceptedBySides: acceptingSides(game, p), signedBy: p.signedBy, at: p.at };
}

function storyView(game: ActiveGame, s: Story): StoryView {
  return { id: s.id, journalistId: s.journalistId, headline: s.headline, body: s.body, exposed: s.exposed, at: s.at, accurate: game.status === 'ended' ? s.accurate : null };
}

/** Those in on the deal see every term; everyone else sees public and exposed terms once announced. */
function agreementView(game: ActiveGame, tableId: string, seat: Seat | null): AgreementView | null {
  const agreement = game.tables[tableId]?.agreement;
  const proposal = agreement ? game.proposals[agreement.proposalId] : undefined;
  if (!agreement || !proposal) return null;
  const inOnIt = seat !== null && inOnAgreement(game, seat);
  const announced = agreement.announcedAt !== null;
  if (!inOnIt && !announced) return null;
  const terms = inOnIt ? proposal.terms : proposal.terms.filter((t) => !t.secret || agreement.exposedSecretIssues.includes(t.issueId));
  return { announced, announcedAt: agreement.announcedAt, terms, originExposedFirst: agreement.originExposedFirst };
}

/** Only the leaders and envoys of the sides that sat in the preparing back channel know that talks can go public. */
function preconditionWaivedFor(game: ActiveGame, tableId: string, seat: Seat): boolean {
  const channel = preparedIn(game, tableId);
  const role = roleOf(game, seat);
  if (!channel || !role?.side || (role.kind !== 'leader' && role.kind !== 'envoy')) return false;
  return Object.keys(channel.members).some((id) => game.seats[id] && sideOf(game, game.seats[id]!) === role.side);
}

function tableView(game: ActiveGame, tableId: string, seat: Seat | null): TableView | null {
  const table = game.tables[tableId];
  if (!table) return null;
  return {
    id: table.id,
    clock: tableClockView(game, tableId),
    seats: seatsAt(game, tableId).map((s) => seatSummary(game, s)),
    support: table.support,
    escalation: table.escalation,
    preconditionMet: table.preconditionMet,
    preconditionWaived: seat !== null && preconditionWaivedFor(game, tableId, seat),
    agreement: agreementView(game, tableId, seat),
    stories: game.stories.filter((s) => s.tableId === tableId).map((s) => storyView(game, s)),
  };
}

/** A former member of a back channel sees it as it was when they left (`lastSeen`), nothing later. */
function channelView(game: ActiveGame, seat: Seat, channel: Channel): ChannelView {
  const isBack = channel.kind === 'back';
  const current = !isBack || isCurrentMember(channel, seat.id);
  const frozen = current ? null : channel.members[seat.id]?.lastSeen;
  return {
    id: channel.id,
    kind: channel.kind,
    side: channel.side,
    topic: channel.topic,
    members: frozen ? frozen.members : currentMembers(channel),
    invited: frozen ? frozen.invited : Object.keys(channel.invited),
    declined: frozen ? frozen.declined : channel.declined,
    exposed: frozen ? frozen.exposed : channel.exposed,
    open: current && game.status === 'running' && channelOpenInPhase(game, channel),
    riskLevel: isBack && current ? riskLevel(leakRisk(game, channel)) : null,
    riskFactors: isBack && current ? riskFactors(game, channel) : null,
    left: !current,
  };
}

function visibleBroadcasts(game: ActiveGame, tableId: string | null, side: string | null | 'public') {
  return game.broadcasts.filter((b) => (b.tableId === null || b.tableId === tableId) && (b.audience === 'all' || (side !== 'public' && b.audience === side)));
}

function projectSeat(game: ActiveGame, seat: Seat, from: number): SeatView {
  const session = sessionHeader(game);
  const present = Object.values(game.seats).filter((s) => s.status === 'active');
  const lobby = present.slice(0, LOBBY_NAMES_SHOWN).map((s) => ({ id: s.id, name: s.name }));
  const role = roleOf(game, seat);
  const base: SeatView = {
    kind: 'seat', session,
    me: { seatId: seat.id, name: seat.name, status: seat.status, tableId: null, role: null, watching: [], mobilisedThisRound: false },
    lobby, lobbyCount: present.length, table: null, channels: [], messages: [], proposals: [], invitations: [], tips: [], broadcasts: [], scores: null, myScore: null, debrief: null, can: null, limits: LIMITS, supportLedger: null,
  };
  if (seat.status !== 'active') return { ...base, lobby: [], lobbyCount: 0 };
  const withBroadcasts = { ...base, broadcasts: visibleBroadcasts(game, seat.tableId, sideOf(game, seat)) };
  if (!seat.tableId || !role) return withBroadcasts;
  const tableId = seat.tableId;
  const table = game.tables[tableId];
  const channels = Object.values(game.channels).filter((c) => canSeeChannel(game, seat, c));
  const visible = new Map(channels.map((c) => [c.id, c]));
  const messages: Message[] = [];
  for (let i = from; i < game.messages.length; i++) {
    const m = game.messages.at(i)!;
    const c = visible.get(m.channelId);
    if (c !== undefined && canSeeMessageAt(c, seat.id, m.n)) messages.push(m);
  }
  const proposals = Object.values(game.proposals).flatMap((p) => {
    const c = visible.get(p.channelId);
    if (c === undefined || !canSeeMessageAt(c, seat.id, p.atMessage)) return [];
    // As it stood when the seat left, if it has left: what happened to it since is not theirs to know.
    const asLeft = c.kind === 'back' && !isCurrentMember(c, seat.id) ? c.members[seat.id]?.lastSeen?.proposals[p.id] : undefined;
    return [asLeft ? { ...p, ...asLeft } : p];
  });
  const invitations = Object.values(game.channels)
    .filter((c) => c.tableId === tableId && c.kind === 'back' && c.invited[seat.id])
    .map((c) => ({ channelId: c.id, topic: c.topic, by: c.invited[seat.id]!.by, members: currentMembers(c) }));
  const tips = game.tips.values()
    .filter((t) => t.recipients.includes(seat.id))
    .map((t) => ({ id: t.id, form: t.form, text: t.text, at: t.at, published: game.stories.some((s) => s.tipId === t.id) }));
  const ended = game.status === 'ended';
  const mine = ended ? game.scores?.find((s) => s.seatId === seat.id) : undefined;
  const watching = [
    ...(table?.investigations ?? []).filter((w) => w.by === seat.id).map((w) => ({ kind: 'investigation' as const, target: w.target, untilPhase: w.untilPhase })),
    ...(table?.surveillance ?? []).filter((w) => w.by === seat.id).map((w) => ({ kind: 'surveillance' as const, target: w.target, untilPhase: w.untilPhase })),
  ];
  return {
    ...withBroadcasts,
    me: {
      seatId: seat.id, name: seat.name, status: seat.status, tableId,
      role: {
        id: role.id, title: role.title, kind: role.kind, side: role.side, brief: role.brief, objectives: role.objectives.map((o) => ({ id: o.id, description: o.description, points: o.points })),
        powers: ROLE_SUMMARY[role.kind], maxScore: maxScore(role.objectives),
      },
      watching,
      mobilisedThisRound: (table?.mobilisations ?? []).some((m) => m.seatId === seat.id && m.phase === game.phaseIndex),
    },
    table: tableView(game, tableId, seat),
    channels: channels.map((c) => channelView(game, seat, c)),
    messages: messages.map(messageView),
    proposals: proposals.map((p) => proposalView(game, p)),
    invitations,
    tips,
    scores: ended && game.scores ? rankedScores(game.scores.filter((s) => game.seats[s.seatId]?.tableId === tableId), (s) => ({ seatId: s.seatId, name: game.seats[s.seatId]?.name ?? '' })) : null,
    myScore: mine ? scoreView(mine) : null,
    can: seatAbilities(game, seat, channels, proposals.map((p) => game.proposals[p.id]!)),
    debrief: ended ? { questions: game.scenario.debriefQuestions, whatReallyHappened: game.scenario.whatReallyHappened } : null,
    supportLedger: ended ? supportLedgerFor(game, seat) : null,
  };
}

/**
 * Each table's last PROJECTOR_LINES front-channel messages, in order, found in one pass from the
 * end of the log that stops once every table has its lines: the projector's view does not grow
 * with the session, and building it does not read the history of busy tables.
 */
function lastFrontLines(game: ActiveGame): Map<string, Message[]> {
  const lines = new Map<string, Message[]>();
  for (const id of Object.keys(game.tables)) if (game.channels[`${id}:front`]) lines.set(`${id}:front`, []);
  let missing = lines.size;
  for (let i = game.messages.length - 1; i >= 0 && missing > 0; i--) {
    const m = game.messages.at(i)!;
    const list = lines.get(m.channelId);
    if (!list || list.length >= PROJECTOR_LINES) continue;
    list.push(m);
    if (list.length === PROJECTOR_LINES) missing--;
  }
  for (const list of lines.values()) list.reverse();
  return lines;
}

function projectProjector(game: ActiveGame): ProjectorView {
  const lines = lastFrontLines(game);
  const tables = Object.keys(game.tables).map((id) => {
    const view = tableView(game, id, null) as TableView;
    return { ...view, frontMessages: (lines.get(`${id}:front`) ?? []).map(messageView) };
  });
  return {
    kind: 'projector',
    session: sessionHeader(game),
    lobby: Object.values(game.seats).filter((s) => s.status === 'active').map((s) => ({ id: s.id, name: s.name })),
    tables,
    broadcasts: visibleBroadcasts(game, null, 'public').filter((b) => b.tableId === null),
    scores: game.status === 'ended' && game.scores ? rankedScores(game.scores, (s) => ({ seatId: s.seatId, name: game.seats[s.seatId]?.name ?? '', tableId: game.seats[s.seatId]?.tableId ?? null })) : null,
  };
}

/** One front-channel message as every seat that sees the channel receives it, with its place in the channel. */
export interface FrontStreamItem {
  channelId: string;
  /** The message's index in its channel: how many messages of the channel came before it. */
  n: number;
  /** Its index in the session's message log. */
  index: number;
  message: MessageView;
}

/**
 * The messages of the session log from `from` on, when every one of them is in a front channel:
 * what project() appends to the `messages` of each seat that sees that channel (a front channel is
 * seen whole by every active seat of its table, so the item is the same for all of them). Null when
 * any of them is in another kind of channel. The fan-out encodes each item once for the whole table.
 */
export function projectFrontStream(state: GameState, from: number): FrontStreamItem[] | null {
  if (!state.created) return null;
  const items: FrontStreamItem[] = [];
  const later = new Map<string, number>();
  for (let i = state.messages.length - 1; i >= from; i--) {
    const m = state.messages.at(i)!;
    const channel = state.channels[m.channelId];
    if (channel?.kind !== 'front') return null;
    const after = later.get(m.channelId) ?? 0;
    later.set(m.channelId, after + 1);
    items.push({ channelId: m.channelId, n: channel.messageCount - after - 1, index: i, message: messageView(m) });
  }
  return items.reverse();
}
