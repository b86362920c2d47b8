'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Broadcast } from '../../../server/engine/state';
import { readDesk, updateDesk } from '../../lib/seat-store';

/** The open channel, kept for this room and seat across reloads; `fallback` when none is stored or it is gone. */
export function useSelectedChannel(room: string, seatId: string, channelIds: string[], fallback: string | null): [string | null, (id: string) => void] {
  const [selected, setSelected] = useState<string | null>(() => {
    const stored = readDesk(room, seatId).selected;
    return stored && channelIds.includes(stored) ? stored : fallback;
  });
  const select = useCallback(
    (id: string) => {
      setSelected(id);
      updateDesk(room, seatId, (desk) => ({ ...desk, selected: id }));
    },
    [room, seatId],
  );
  return [selected, select];
}

/** Unsent text per channel, written to storage as it is typed so a reload or a closed browser keeps it. */
export function useDrafts(room: string, seatId: string): [Record<string, string>, (channelId: string, text: string) => void] {
  const [drafts, setDrafts] = useState<Record<string, string>>(() => readDesk(room, seatId).drafts);
  const setDraft = useCallback(
    (channelId: string, text: string) => {
      setDrafts((d) => ({ ...d, [channelId]: text }));
      updateDesk(room, seatId, (desk) => ({ ...desk, drafts: { ...desk.drafts, [channelId]: text } }));
    },
    [room, seatId],
  );
  return [drafts, setDraft];
}

export interface BroadcastInbox {
  /** Broadcasts not dismissed yet, oldest first: they are shown in the banner. */
  unseen: Broadcast[];
  isUnseen: (id: string) => boolean;
  dismiss: (id: string) => void;
  dismissAll: () => void;
}

/**
 * Which broadcasts the student has dismissed, per room and seat. The first time a seat is seen
 * on this device, what is already there counts as read (a late joiner is not greeted by the
 * whole history); after that, whatever arrives, even while the browser was closed, waits in the
 * banner until dismissed.
 */
export function useBroadcastInbox(room: string, seatId: string, broadcasts: Broadcast[]): BroadcastInbox {
  const [seen, setSeen] = useState<Set<string>>(() => new Set(readDesk(room, seatId).seenBroadcasts ?? broadcasts.map((b) => b.id)));
  useEffect(() => {
    if (readDesk(room, seatId).seenBroadcasts === null) updateDesk(room, seatId, (desk) => ({ ...desk, seenBroadcasts: [...seen] }));
  }, [room, seatId, seen]);
  const markSeen = useCallback(
    (ids: string[]) => {
      setSeen((current) => new Set([...current, ...ids]));
      updateDesk(room, seatId, (desk) => ({ ...desk, seenBroadcasts: [...new Set([...(desk.seenBroadcasts ?? []), ...ids])] }));
    },
    [room, seatId],
  );
  return useMemo(() => {
    const unseen = broadcasts.filter((b) => !seen.has(b.id));
    return { unseen, isUnseen: (id) => !seen.has(id), dismiss: (id) => markSeen([id]), dismissAll: () => markSeen(unseen.map((b) => b.id)) };
  }, [broadcasts, seen, markSeen]);
}
