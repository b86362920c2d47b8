import type { SeatView, Term } from '../engine';
import type { PlayerCommand } from '../realtime/protocol';
import { inRole } from '../../shared/can';
import { acceptableTo, compromiseTerms, favouredTerms } from './terms';

/**
 * What a bot does next, from its own view only (exactly what a student's browser has): talk in
 * open channels, open and accept back channels, investigate, publish, propose, accept, sign and
 * announce. Pure, with the random source passed in, so it can be unit-tested. What the bot may
 * do, and with whom, it reads from its view's `can` (the engine's answer), like a student's
 * buttons: no rule of who may do what is kept here; what it chooses among them is its strategy.
 */
export function nextMove(view: SeatView, random: () => number): PlayerCommand | null {
  const phase = view.session.phase;
  const role = view.me.role;
  const can = view.can;
  if (view.session.status !== 'running' || !phase || !role || !view.table || !can || view.session.pausedRemainingMs !== null) return null;
  const pick = <T>(list: T[]): T | undefined => list[Math.floor(random() * list.length)];
  const open = view.channels.filter((c) => c.open);
  const say = (channelId: string): PlayerCommand => ({ type: 'PostMessage', channelId, text: pick(LINES) ?? 'We should talk.' });
  const team = open.find((c) => c.kind === 'team');
  if (phase.kind === 'briefing') return team && random() < 0.3 ? say(team.id) : null;

  const me = view.me.seatId;
  const others = view.table.seats.filter((s) => s.id !== me);
  const invitation = view.invitations[0];
  if (invitation) return { type: 'AnswerInvitation', channelId: invitation.channelId, accept: random() < 0.9 };

  // The press: publish a tip, else dig into someone who can sit in a back channel (a seat others may invite).
  if (inRole(can.publishStory) || inRole(can.investigate)) {
    const tip = view.tips.find((t) => !t.published);
    if (tip && can.publishStory.ok) return { type: 'PublishStory', headline: `Exclusive: ${tip.text}`.slice(0, view.limits.headlineLength), body: `Our sources report: ${tip.text}`, tipId: tip.id };
    const target = pick(others.filter((s) => s.backChannels && can.investigate.seats.includes(s.id)));
    if (target && can.investigate.ok) return { type: 'Investigate', seatId: target.id };
    return null;
  }

  // Spoilers: watch someone of another side, rally the public when there is something to rally against.
  if (inRole(can.surveil) || inRole(can.mobilise)) {
    const target = pick(others.filter((s) => s.side !== null && s.side !== role.side && can.surveil.seats.includes(s.id)));
    if (target && can.surveil.ok) return { type: 'Surveil', seatId: target.id };
    if (can.mobilise.ok && random() < 0.5) return { type: 'Mobilise' };
    return team && random() < 0.4 ? say(team.id) : null;
  }

  // Leaders and envoys.
  const agreement = view.table.agreement;
  if (agreement && can.announce.ok) return { type: 'AnnounceAgreement' };
  if (can.fulfilPrecondition?.ok && phase.index >= 2 && random() < 0.3) return { type: 'FulfilPrecondition' };

  const myBack = open.filter((c) => c.kind === 'back' && !c.left);
  const visibleProposals = view.proposals.filter((p) => p.status === 'open' && myBack.some((c) => c.id === p.channelId));
  // A text is signed or accepted only if it is acceptable to the bot's side (./terms.ts).
  const scenario = view.session.scenario;
  const side = role.side ?? '';
  const good = (p: { terms: Term[] }) => acceptableTo(scenario, side, p.terms);
  if (!agreement) {
    const signable = visibleProposals.find((p) => can.sign[p.id]?.ok && good(p));
    if (signable) return { type: 'SignProposal', proposalId: signable.id };
    const acceptable = visibleProposals.find((p) => can.accept[p.id]?.ok && good(p));
    if (acceptable && random() < 0.6) return { type: 'AcceptProposal', proposalId: acceptable.id };
  }

  const rivals = others.filter((s) => can.openBackChannel.seats.includes(s.id) && s.side !== role.side);
  if (myBack.length === 0 && can.openBackChannel.ok && rivals.length > 0 && random() < 0.5) {
    const rival = pick(rivals)!;
    return { type: 'OpenBackChannel', inviteeIds: [rival.id], topic: pick(TOPICS) ?? 'a way out' };
  }
  const channel = pick(myBack);
  if (channel) {
    // Whom it may bring in is the engine's answer; bringing the leaders (who sign) is the bot's preference.
    const inviting = can.invite[channel.id];
    const leadersIn = channel.members.filter((id) => view.table!.seats.find((s) => s.id === id)?.kind === 'leader');
    const leaderToBring = view.table.seats.find((s) => s.kind === 'leader' && inviting?.seats.includes(s.id));
    if (leaderToBring && inviting?.ok && leadersIn.length < 2 && random() < 0.3) return { type: 'InviteToBackChannel', channelId: channel.id, seatId: leaderToBring.id };
    const proposal = agreement ? null : propose(view, channel.id, random);
    if (proposal) return proposal;
    return say(channel.id);
  }
  const front = open.find((c) => c.kind === 'front');
  const where = random() < 0.5 ? team : front;
  return where ? say(where.id) : null;
}

/**
 * Texts that follow the side's interests: first an exploratory bid with what its own public likes
 * best, then the official compromise both publics can live with (answering the last open text);
 * nothing while an acceptable official text, or one of its own, is open in the channel.
 */
function propose(view: SeatView, channelId: string, random: () => number): PlayerCommand | null {
  const me = view.me.seatId;
  const side = view.me.role?.side ?? '';
  const scenario = view.session.scenario;
  const here = view.proposals.filter((p) => p.channelId === channelId);
  const open = here.filter((p) => p.status === 'open');
  const waiting = open.some((p) => p.mode === 'official' && (p.by === me || acceptableTo(scenario, side, p.terms)));
  if (waiting || random() >= 0.35) return null;
  const last = open.at(-1);
  const counter = last && last.by !== me ? { counterTo: last.id } : {};
  if (!here.some((p) => p.by === me)) return { type: 'Propose', channelId, terms: favouredTerms(scenario, side), mode: 'exploratory', ...counter };
  const terms = compromiseTerms(scenario).map((t, i, all) => ({ ...t, secret: i === all.length - 1 && random() < 0.5 }));
  return { type: 'Propose', channelId, terms, mode: 'official', ...counter };
}

const LINES = [
  'We need a way out that does not look like a retreat.',
  'What could your side accept in public?',
  'Our hardliners are watching every word.',
  'Can we agree on a first step before the deadline?',
  'This stays between us until both leaders agree.',
  'We are prepared to move if you move too.',
  'The press is asking questions. We must be careful.',
  'Time is running out; let us not waste this round.',
];

const TOPICS = ['a quiet trade', 'a first step', 'face-saving terms', 'the timetable', 'what each side can sell at home'];
