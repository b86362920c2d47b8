import type { CommandOf, Meta } from '../commands';
import { LIMITS } from '../commands';
import type { GameEvent } from '../events';
import { mobiliseNow, publishNow, watchable, watchNow, watchSlotFree } from '../abilities';
import { cleanText, isRejected, requirePlayer } from '../guards';
import { opaqueId, roleOf, sideOf } from '../queries';
import { reject, type Rejection } from '../rejection';
import { evolve } from '../evolve';
import { leakSettings } from '../leak-risk';
import { PRESS_DESK, type ActiveGame, type Story, type Tip } from '../state';

type Result = GameEvent[] | Rejection;

/** A journalist digs into one person: their back channels leak more this round and the next. */
export function investigate(game: ActiveGame, cmd: CommandOf<'Investigate'>, meta: Meta): Result {
  const player = requirePlayer(game, meta);
  if (isRejected(player)) return player;
  const denied = watchNow(game, player, meta.now, 'investigate') ?? watchable(game, player, cmd.seatId) ?? watchSlotFree(game, player, 'investigate');
  if (denied) return denied;
  return [{ type: 'InvestigationStarted', tableId: player.tableId, by: player.seat.id, target: cmd.seatId, untilPhase: game.phaseIndex + 1, at: meta.now }];
}

/** A spoiler watches one person: their back channels leak more, and every leak reaches the spoiler. */
export function surveil(game: ActiveGame, cmd: CommandOf<'Surveil'>, meta: Meta): Result {
  const player = requirePlayer(game, meta);
  if (isRejected(player)) return player;
  const denied = watchNow(game, player, meta.now, 'surveil') ?? watchable(game, player, cmd.seatId) ?? watchSlotFree(game, player, 'surveil');
  if (denied) return denied;
  return [{ type: 'SurveillanceStarted', tableId: player.tableId, by: player.seat.id, target: cmd.seatId, untilPhase: game.phaseIndex + 1, at: meta.now }];
}

interface StoryEffect {
  exposed: string | null;
  accurate: boolean | null;
  supportDelta: Record<string, number>;
  exposedChannelId: string | null;
  exposedSecretIssue: string | null;
}

/** What publishing a tip does: the engine, not the journalist, knows whether it was true. */
function storyEffect(game: ActiveGame, tip: Tip | undefined): StoryEffect {
  const none: StoryEffect = { exposed: null, accurate: null, supportDelta: {}, exposedChannelId: null, exposedSecretIssue: null };
  if (!tip) return none;
  const p = leakSettings(game);
  const source = tip.source;
  if (source.kind === 'rumour') {
    const supportDelta = Object.fromEntries(game.scenario.sides.map((s) => [s.id, -p.rumourImpact]));
    return { ...none, accurate: false, supportDelta, exposed: tip.text };
  }
  if (source.kind === 'secretTerm') {
    const proposal = game.proposals[source.proposalId];
    const term = proposal?.terms.find((t) => t.issueId === source.issueId);
    const option = game.scenario.issues.find((i) => i.id === source.issueId)?.options.find((o) => o.id === term?.optionId);
    return { ...none, accurate: true, supportDelta: { ...(option?.publicReaction ?? {}) }, exposed: tip.text, exposedSecretIssue: source.issueId };
  }
  const channel = game.channels[source.channelId];
  const message = source.kind === 'message' ? game.messages.find((m) => m.id === source.messageId) : undefined;
  const proposal = source.kind === 'proposal' ? game.proposals[source.proposalId] : undefined;
  if (!channel || (!message && !proposal)) return none;
  const sides = new Set<string>();
  if (channel.kind === 'team' && channel.side) sides.add(channel.side);
  for (const id of Object.keys(channel.members)) {
    const side = sideOf(game, game.seats[id]!);
    if (side) sides.add(side);
  }
  const full = channel.kind === 'back' ? p.exposureBacklash : Math.ceil(p.exposureBacklash / 2);
  // Deniable: an exploratory text that leaks costs a share of the backlash. Diminishing: each
  // further story about the same channel (or another back channel at the table) costs a share of
  // the one before (old news).
  const deniable = proposal?.mode === 'exploratory' ? p.exploratoryShare : 1;
  const backlash = Math.round(full * deniable * p.storyDecay ** storiesAbout(game, channel.id));
  let exposed = tip.text;
  if (tip.form === 'quote' && message) {
    const author = message.author.kind === 'seat' ? (roleOf(game, game.seats[message.author.seatId]!)?.title ?? 'an official') : 'Control';
    exposed = `“${message.text}” — ${author}`;
  }
  return {
    // The story can only print what the journalist was told: a paraphrase stays a paraphrase.
    exposed,
    accurate: true,
    supportDelta: backlash > 0 ? Object.fromEntries([...sides].map((s) => [s, -backlash])) : {},
    exposedChannelId: channel.kind === 'back' && !channel.exposed ? channel.id : null,
    exposedSecretIssue: null,
  };
}

/**
 * Stories already published from tips about this channel or another back channel of its table:
 * the public tires of back-channel stories, so a flood of leaks cannot drain support without end.
 */
function storiesAbout(game: ActiveGame, channelId: string): number {
  const tableId = game.channels[channelId]?.tableId;
  return game.stories.filter((s) => {
    const source = s.tipId ? game.tips.get(s.tipId)?.source : undefined;
    if (source === undefined || source.kind === 'rumour' || source.kind === 'secretTerm') return false;
    const channel = game.channels[source.channelId];
    return source.channelId === channelId || (channel?.kind === 'back' && channel.tableId === tableId);
  }).length;
}

/**
 * Control's press desk: at a deadline, every tip that went to the desk (a table with no
 * journalist) and is not yet in print is published as a story.
 */
export function pressDeskStories(game: ActiveGame, now: number): GameEvent[] {
  const events: GameEvent[] = [];
  let next = game;
  for (const tip of game.tips.values()) {
    if (!tip.pressDesk || next.stories.some((s) => s.tipId === tip.id)) continue;
    const effect = storyEffect(next, tip);
    const story: Story = {
      id: opaqueId(next, 'st', next.stories.length + 1), tableId: tip.tableId, journalistId: PRESS_DESK, headline: 'From the press desk',
      body: tip.text, tipId: tip.id, exposed: effect.exposed, accurate: effect.accurate, supportDelta: effect.supportDelta, at: now,
    };
    const event: GameEvent = { type: 'StoryPublished', story, exposedChannelId: effect.exposedChannelId, exposedSecretIssue: effect.exposedSecretIssue };
    events.push(event);
    // Later stories about the same channel see this one (diminishing backlash, exposure once).
    next = evolve(next, event) as ActiveGame;
  }
  return events;
}

export function publishStory(game: ActiveGame, cmd: CommandOf<'PublishStory'>, meta: Meta): Result {
  const player = requirePlayer(game, meta);
  if (isRejected(player)) return player;
  const denied = publishNow(game, player, meta.now);
  if (denied) return denied;
  const headline = cleanText(cmd.headline, LIMITS.headlineLength, 'headline');
  if (isRejected(headline)) return headline;
  const body = cleanText(cmd.body, LIMITS.storyLength, 'story');
  if (isRejected(body)) return body;
  let tip: Tip | undefined;
  if (cmd.tipId !== undefined) {
    tip = game.tips.get(cmd.tipId);
    if (!tip || !tip.recipients.includes(player.seat.id)) return reject('UNKNOWN_TIP', 'You have no such tip.');
    if (game.stories.some((s) => s.tipId === tip!.id)) return reject('ALREADY_DONE', 'A story based on that tip has already been published.');
  }
  const effect = storyEffect(game, tip);
  const story: Story = {
    id: opaqueId(game, 'st', game.stories.length + 1), tableId: player.tableId, journalistId: player.seat.id, headline, body, tipId: tip?.id ?? null,
    exposed: effect.exposed, accurate: effect.accurate, supportDelta: effect.supportDelta, at: meta.now,
  };
  return [{ type: 'StoryPublished', story, exposedChannelId: effect.exposedChannelId, exposedSecretIssue: effect.exposedSecretIssue }];
}

/** A spoiler rallies their side against a deal or an exposed back channel; the leaders pay. */
export function mobilise(game: ActiveGame, meta: Meta): Result {
  const player = requirePlayer(game, meta);
  if (isRejected(player)) return player;
  const denied = mobiliseNow(game, player, meta.now);
  if (denied) return denied;
  const table = game.tables[player.tableId]!;
  const announced = table.agreement?.announcedAt != null;
  const side = player.role.side;
  // A deal signed in public has legitimacy: rallying against it moves fewer people.
  const origin = table.agreement && announced ? game.channels[game.proposals[table.agreement.proposalId]?.channelId ?? ''] : undefined;
  const impact = origin?.kind === 'front' ? Math.ceil(game.scenario.leak.mobilisationImpact * leakSettings(game).legitimisedMobilisationShare) : game.scenario.leak.mobilisationImpact;
  const supportDelta = side ? { [side]: -impact } : {};
  return [{ type: 'SpoilerMobilised', tableId: table.id, seatId: player.seat.id, supportDelta, at: meta.now }];
}
