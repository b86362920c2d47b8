import type { ChannelView, SeatView } from '../../../server/engine/view';
import { verdict } from '../../../shared/can';
import type { RoleKind } from '../../../server/engine/scenario';
import type { Author, Term } from '../../../server/engine/state';

/** What people read for the engine's ids and codes. Pure functions of the view. */

export const KIND_LABEL: Record<RoleKind, string> = {
  leader: 'Leader',
  envoy: 'Envoy',
  spoiler: 'Spoiler',
  journalist: 'Journalist',
};

export const RISK_LABEL = { low: 'low', elevated: 'elevated', high: 'high' } as const;

export function seatName(view: SeatView, seatId: string): string {
  return view.table?.seats.find((s) => s.id === seatId)?.name ?? view.lobby.find((s) => s.id === seatId)?.name ?? 'someone who left';
}

/** "Ana (President John F. Kennedy)". */
export function seatLabel(view: SeatView, seatId: string): string {
  const seat = view.table?.seats.find((s) => s.id === seatId);
  if (!seat) return seatName(view, seatId);
  return seat.roleTitle ? `${seat.name} (${seat.roleTitle})` : seat.name;
}

export function sideName(view: SeatView, sideId: string | null | undefined): string {
  if (!sideId) return 'no side';
  return view.session.scenario.sides.find((s) => s.id === sideId)?.name ?? sideId;
}

export function authorLabel(view: SeatView, author: Author): { name: string; role: string | null } {
  if (author.kind === 'control') return { name: 'Control', role: 'the facilitator' };
  const seat = view.table?.seats.find((s) => s.id === author.seatId);
  return { name: seat?.name ?? seatName(view, author.seatId), role: seat?.roleTitle ?? null };
}

export function termLabel(view: SeatView, term: Term): { issue: string; option: string } {
  const issue = view.session.scenario.issues.find((i) => i.id === term.issueId);
  return { issue: issue?.title ?? term.issueId, option: issue?.options.find((o) => o.id === term.optionId)?.label ?? term.optionId };
}

export function channelLabel(view: SeatView, channel: ChannelView): string {
  switch (channel.kind) {
    case 'front':
      return 'Front channel';
    case 'team':
      return `Team: ${sideName(view, channel.side)}`;
    case 'press':
      return 'Press';
    case 'back':
      return `Back channel: ${channel.topic ?? 'untitled'}`;
  }
}

export function channelDescription(channel: ChannelView): string {
  switch (channel.kind) {
    case 'front':
      return 'Official talks, on the record: everyone at the table reads them, journalists included.';
    case 'team':
      return 'Your side only.';
    case 'press':
      return 'Published stories. Only journalists publish, with “Publish story”.';
    case 'back':
      return 'Secret talks. Every message carries a risk of leaking to the press.';
  }
}

export { inRole as inMyRole, verdict } from '../../../shared/can';

/** Whether I can write in a channel now, and if not, why. */
export function postingStatus(view: SeatView, channel: ChannelView): { ok: true } | { ok: false; reason: string } {
  return verdict(view.can?.post[channel.id]);
}

export function timeOf(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** mm:ss, never negative. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** Paragraphs of a scenario text (blank-line separated). */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
