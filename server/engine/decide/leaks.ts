import type { CommandOf, Meta } from '../commands';
import { LIMITS } from '../commands';
import type { GameEvent } from '../events';
import { cleanText, requireFacilitator, requireNotEnded, isRejected } from '../guards';
import { opaqueId, optionLabel, roleOf, seatsAt } from '../queries';
import { riskNumbers } from '../leak-risk';
import { draw } from '../random';
import { reject, type Rejection } from '../rejection';
import type { ActiveGame, Channel, Message, Proposal, Term, Tip } from '../state';

type Result = GameEvent[] | Rejection;

const tipId = (game: ActiveGame, offset = 0) => opaqueId(game, 'tip', game.tips.count + 1 + offset);

function titleOf(game: ActiveGame, seatId: string): string {
  const seat = game.seats[seatId];
  const role = seat ? roleOf(game, seat) : undefined;
  return role?.title ?? 'an official';
}

/**
 * Who hears of a leak at a table: every journalist, spoilers watching a member always, other
 * spoilers by chance. Nobody in the channel itself is tipped. At a table with no journalist,
 * Control's press desk receives it and prints it at the next deadline, so no table is leak-proof.
 */
function tipRecipients(game: ActiveGame, channel: Channel, rng: number): { recipients: string[]; pressDesk: boolean; rng: number } {
  const table = game.tables[channel.tableId];
  const inChannel = (id: string) => channel.members[id] !== undefined || (channel.kind === 'team' && roleOf(game, game.seats[id]!)?.side === channel.side);
  let state = rng;
  const recipients: string[] = [];
  let journalists = 0;
  for (const seat of seatsAt(game, channel.tableId)) {
    const kind = roleOf(game, seat)?.kind;
    if (kind === 'journalist') journalists++;
    if (inChannel(seat.id)) continue;
    if (kind === 'journalist') recipients.push(seat.id);
    if (kind !== 'spoiler') continue;
    const watching = table?.surveillance.some((w) => w.by === seat.id && w.untilPhase >= game.phaseIndex && channel.members[w.target] !== undefined);
    if (watching) {
      recipients.push(seat.id);
      continue;
    }
    const d = draw(state);
    state = d.rng;
    if (d.value < game.scenario.leak.spoilerTipChance) recipients.push(seat.id);
  }
  return { recipients, pressDesk: journalists === 0, rng: state };
}

/** A text said in a back channel: a chat message or a proposal. */
export type SaidInSecret =
  | { kind: 'message'; message: Message }
  | { kind: 'proposal'; proposalId: string; by: string; terms: Term[]; mode: Proposal['mode'] };

function termsText(game: ActiveGame, terms: Term[]): string {
  return terms.map((t) => optionLabel(game, t.issueId, t.optionId)).join('; ');
}

function tipText(game: ActiveGame, channel: Channel, said: SaidInSecret, form: Tip['form']): string {
  if (form === 'quote') {
    if (said.kind === 'proposal') {
      const what = said.mode === 'exploratory' ? 'An unofficial draft' : 'A draft agreement';
      return `${what} passed in private by ${titleOf(game, said.by)}: “${termsText(game, said.terms)}”.`;
    }
    const message = said.message;
    const author = message.author.kind === 'seat' ? titleOf(game, message.author.seatId) : 'Control';
    return `“${message.text}” — ${author}, in a private conversation.`;
  }
  const members = Object.keys(channel.members).map((id) => titleOf(game, id));
  const who = channel.kind === 'team' ? `the ${game.scenario.sides.find((s) => s.id === channel.side)?.name ?? 'team'} camp` : members.join(' and ');
  const about = channel.topic ?? 'the crisis';
  if (said.kind === 'proposal') {
    return said.mode === 'exploratory' ? `Sources say ${who} are privately floating ideas on ${about}.` : `Sources say ${who} are privately drafting an agreement on ${about}.`;
  }
  return `Sources say ${who} are privately discussing ${about}.`;
}

/** Roll the leak of a text just said in a back channel; returns the tip event if it leaks. */
export function rollLeak(game: ActiveGame, channel: Channel, said: SaidInSecret, risk: number, rng: number, now: number): { events: GameEvent[]; rng: number } {
  const roll = draw(rng);
  if (roll.value >= risk) return { events: [], rng: roll.rng };
  const form = draw(roll.rng);
  const heard = tipRecipients(game, channel, form.rng);
  if (heard.recipients.length === 0 && !heard.pressDesk) return { events: [], rng: heard.rng };
  const kind: Tip['form'] = form.value < game.scenario.leak.quoteChance ? 'quote' : 'paraphrase';
  const source: Tip['source'] = said.kind === 'message'
    ? { kind: 'message', messageId: said.message.id, channelId: channel.id }
    : { kind: 'proposal', proposalId: said.proposalId, channelId: channel.id };
  const tip: Tip = {
    id: tipId(game), tableId: channel.tableId, form: kind, text: tipText(game, channel, said, kind), recipients: heard.recipients,
    source, manual: false, at: now, ...(heard.pressDesk ? { pressDesk: true } : {}),
  };
  const numbers = riskNumbers(game, channel);
  return { events: [{ type: 'LeakOccurred', tip, rng: heard.rng, roll: { risk, value: roll.value, ...(numbers ? { numbers } : {}) } }], rng: heard.rng };
}

/** At each deadline, every secret term of a concluded deal may leak. */
export function secretTermLeaks(game: ActiveGame, now: number): { events: GameEvent[]; rng: number } {
  const events: GameEvent[] = [];
  let rng = game.rng;
  for (const table of Object.values(game.tables)) {
    const proposal = table.agreement ? game.proposals[table.agreement.proposalId] : undefined;
    if (!proposal) continue;
    const channel = game.channels[proposal.channelId];
    for (const term of proposal.terms.filter((t) => t.secret)) {
      const already = game.tips.values().some((t) => t.source.kind === 'secretTerm' && t.source.proposalId === proposal.id && t.source.issueId === term.issueId);
      if (already || !channel) continue;
      const d = draw(rng);
      rng = d.rng;
      const risk = game.scenario.leak.secretTermRate * game.options.leakSensitivity;
      if (d.value >= risk) continue;
      const heard = tipRecipients(game, channel, rng);
      rng = heard.rng;
      if (heard.recipients.length === 0 && !heard.pressDesk) continue;
      const tip: Tip = {
        id: tipId(game, events.length), tableId: table.id, form: 'paraphrase', recipients: heard.recipients, manual: false, at: now,
        ...(heard.pressDesk ? { pressDesk: true } : {}),
        text: `Sources say the deal has a secret clause — ${optionLabel(game, term.issueId, term.optionId)}.`,
        source: { kind: 'secretTerm', proposalId: proposal.id, issueId: term.issueId },
      };
      events.push({ type: 'LeakOccurred', tip, rng, roll: { risk, value: d.value } });
    }
  }
  return { events, rng };
}

export function leakMessage(game: ActiveGame, cmd: CommandOf<'LeakMessage'>, meta: Meta): Result {
  const denied = requireFacilitator(meta) ?? requireNotEnded(game);
  if (denied) return denied;
  const message = game.messages.find((m) => m.id === cmd.messageId);
  const channel = message ? game.channels[message.channelId] : undefined;
  if (!message || !channel) return reject('UNKNOWN_MESSAGE', `There is no message ${cmd.messageId}.`);
  if (channel.kind !== 'back' && channel.kind !== 'team') return reject('INVALID_INPUT', 'Only back-channel and team messages are secret enough to leak.');
  const heard = tipRecipients({ ...game, scenario: { ...game.scenario, leak: { ...game.scenario.leak, spoilerTipChance: 1 } } }, channel, game.rng);
  if (heard.recipients.length === 0 && !heard.pressDesk) return reject('INVALID_INPUT', 'Nobody at this table could receive the tip: there is no journalist or spoiler outside that channel.');
  const tip: Tip = {
    id: tipId(game), tableId: channel.tableId, form: cmd.form, text: tipText(game, channel, { kind: 'message', message }, cmd.form), recipients: heard.recipients,
    source: { kind: 'message', messageId: message.id, channelId: channel.id }, manual: true, at: meta.now, ...(heard.pressDesk ? { pressDesk: true } : {}),
  };
  return [{ type: 'LeakOccurred', tip, rng: null }];
}

export function plantRumour(game: ActiveGame, cmd: CommandOf<'PlantRumour'>, meta: Meta): Result {
  const denied = requireFacilitator(meta) ?? requireNotEnded(game);
  if (denied) return denied;
  if (!game.tables[cmd.tableId]) return reject('UNKNOWN_TABLE', `There is no table ${cmd.tableId}.`);
  const text = cleanText(cmd.text, LIMITS.messageLength, 'rumour');
  if (isRejected(text)) return text;
  const wants = (kind: string | undefined) => (kind === 'journalist' && cmd.to !== 'spoilers') || (kind === 'spoiler' && cmd.to !== 'journalists');
  const recipients = seatsAt(game, cmd.tableId).filter((s) => wants(roleOf(game, s)?.kind)).map((s) => s.id);
  if (recipients.length === 0) return reject('INVALID_INPUT', `Nobody at table ${cmd.tableId} can receive that rumour.`);
  const tip: Tip = { id: tipId(game), tableId: cmd.tableId, form: 'paraphrase', text, recipients, source: { kind: 'rumour' }, manual: true, at: meta.now };
  return [{ type: 'LeakOccurred', tip, rng: null }];
}

