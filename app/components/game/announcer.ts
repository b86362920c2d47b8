'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { SeatView } from '../../../server/engine/view';
import { authorLabel, seatName } from './labels';

export interface Announcement {
  id: number;
  text: string;
}

/** A queue for the polite live region: each new line is an addition a screen reader reads once. */
export function useAnnouncer(): { items: Announcement[]; announce: (text: string) => void } {
  const [items, setItems] = useState<Announcement[]>([]);
  const counter = useRef(0);
  const announce = useCallback((text: string) => {
    counter.current += 1;
    const id = counter.current;
    setItems((list) => [...list.slice(-4), { id, text }]);
  }, []);
  return { items, announce };
}

const BROADCAST_LABEL = { control: 'Control', news: 'News', intelligence: 'Intelligence', escalation: 'Escalation' } as const;

/**
 * Announces what arrived between two versions of the view: phases, tips, stories, invitations
 * politely; broadcasts (Control, news flashes) assertively, since they are meant to interrupt.
 */
export function useViewAnnouncements(view: SeatView | null, announce: (text: string) => void, announceUrgent: (text: string) => void): void {
  const previous = useRef<SeatView | null>(null);
  useEffect(() => {
    const prev = previous.current;
    previous.current = view;
    if (!prev || !view) return;
    const lines: string[] = [];
    const phase = view.session.phase;
    if (phase && prev.session.phase?.index !== phase.index) lines.push(`${phase.title} has started.`);
    if (prev.session.status !== 'ended' && view.session.status === 'ended') lines.push('The session has ended. The scores and the debrief are on screen.');
    if (prev.session.pausedRemainingMs === null && view.session.pausedRemainingMs !== null) lines.push('The facilitator paused the game.');
    if (prev.session.pausedRemainingMs !== null && view.session.pausedRemainingMs === null && view.session.status === 'running') lines.push('The game has resumed.');
    const fresh = <T extends { id: string }>(now: T[], before: T[]) => now.filter((x) => !before.some((y) => y.id === x.id));
    const tips = fresh(view.tips, prev.tips);
    if (tips.length > 0) lines.push(tips.length === 1 ? 'A source has a tip for you.' : `Sources have ${tips.length} tips for you.`);
    for (const story of fresh(view.table?.stories ?? [], prev.table?.stories ?? [])) lines.push(`New story in the press: ${story.headline}`);
    for (const b of fresh(view.broadcasts, prev.broadcasts)) announceUrgent(b.title === BROADCAST_LABEL[b.kind] ? `${b.title}: ${b.body}` : `${BROADCAST_LABEL[b.kind]}: ${b.title}. ${b.body}`);
    for (const inv of view.invitations.filter((i) => !prev.invitations.some((p) => p.channelId === i.channelId))) {
      lines.push(`${seatName(view, inv.by)} invites you to a back channel${inv.topic ? `: ${inv.topic}` : ''}.`);
    }
    for (const channel of view.channels) {
      const before = prev.channels.find((c) => c.id === channel.id);
      if (!before || channel.left) continue;
      for (const id of channel.declined.filter((d) => !before.declined.includes(d))) {
        lines.push(`${seatName(view, id)} refused the invitation to the back channel “${channel.topic ?? 'untitled'}”.`);
      }
    }
    const agreement = view.table?.agreement;
    if (agreement && !prev.table?.agreement) lines.push(agreement.announced ? 'An agreement has been announced.' : 'Both leaders have signed: the agreement is concluded but not yet announced.');
    else if (agreement?.announced && !prev.table?.agreement?.announced) lines.push('The agreement has been announced.');
    // Control messages matter whichever channel is selected.
    for (const m of view.messages.slice(prev.messages.length)) {
      if (m.author.kind === 'control') lines.push(`${authorLabel(view, m.author).name}: ${m.text}`);
    }
    for (const line of lines) announce(line);
  }, [view, announce, announceUrgent]);
}
