'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SeatView } from '../../../server/engine/view';

/**
 * Unread counts per channel: messages (stories for the press) that arrived while another
 * channel was selected. Everything already there when the page loads counts as read.
 */
export function useUnreadChannels(view: SeatView, selected: string | null): Record<string, number> {
  const counts = useMemo(() => {
    const out: Record<string, number> = {};
    for (const c of view.channels) out[c.id] = c.kind === 'press' ? (view.table?.stories.length ?? 0) : 0;
    for (const m of view.messages) out[m.channelId] = (out[m.channelId] ?? 0) + 1;
    return out;
  }, [view.channels, view.messages, view.table?.stories.length]);
  const [seen, setSeen] = useState<Record<string, number>>(() => counts);
  useEffect(() => {
    if (selected && seen[selected] !== counts[selected]) setSeen((s) => ({ ...s, [selected]: counts[selected] ?? 0 }));
  }, [selected, counts, seen]);
  return useMemo(() => {
    const out: Record<string, number> = {};
    for (const [id, n] of Object.entries(counts)) out[id] = id === selected ? 0 : Math.max(0, n - (seen[id] ?? 0));
    return out;
  }, [counts, seen, selected]);
}

/** Items (tips, broadcasts) that arrived after the page loaded, until marked as read. */
export function useNewItems(items: { id: string }[]): { isNew: (id: string) => boolean; count: number; markRead: () => void } {
  const [seen, setSeen] = useState<Set<string>>(() => new Set(items.map((i) => i.id)));
  const fresh = items.filter((i) => !seen.has(i.id));
  const markRead = useCallback(() => setSeen(new Set(items.map((i) => i.id))), [items]);
  return { isNew: (id) => !seen.has(id), count: fresh.length, markRead };
}
