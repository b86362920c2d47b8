import type { Marker, MarkerKind } from '../../../server/replay/types';

/** The kinds of moment the replay can jump to, in the order the controls list them. */
export const JUMP_KINDS = ['leak', 'story', 'deadline', 'inject', 'proposal', 'signature', 'announcement'] as const satisfies readonly MarkerKind[];
export type JumpKind = (typeof JUMP_KINDS)[number];

export const JUMP_LABEL: Record<JumpKind, { one: string; many: string }> = {
  leak: { one: 'leak', many: 'Leaks' },
  story: { one: 'story', many: 'Stories' },
  deadline: { one: 'deadline', many: 'Deadlines' },
  inject: { one: 'inject', many: 'Injects' },
  proposal: { one: 'proposal', many: 'Proposals' },
  signature: { one: 'signature', many: 'Signatures' },
  announcement: { one: 'announcement', many: 'Announcements' },
};

/** A moment whose time is known: the replay maps seq to time through these. */
export interface Anchor {
  seq: number;
  at: number;
}

/** The first marker of `kind` after (direction 1) or before (-1) `seq`, or null. */
export function jumpTarget(markers: readonly Marker[], seq: number, kind: JumpKind, direction: 1 | -1): Marker | null {
  const ofKind = markers.filter((m) => m.kind === kind);
  if (direction === 1) return ofKind.find((m) => m.seq > seq) ?? null;
  for (let i = ofKind.length - 1; i >= 0; i--) if (ofKind[i]!.seq < seq) return ofKind[i]!;
  return null;
}

/** The last marker at or before `seq`: what the scrubber says happened last. */
export function markerAtOrBefore(markers: readonly Marker[], seq: number): Marker | null {
  let found: Marker | null = null;
  for (const m of markers) {
    if (m.seq > seq) break;
    found = m;
  }
  return found;
}

/** Anchors sorted by seq with duplicates dropped, for the two mappings below. */
export function anchorsOf(points: readonly Anchor[]): Anchor[] {
  const bySeq = new Map<number, number>();
  for (const p of points) bySeq.set(p.seq, p.at);
  return [...bySeq.entries()].map(([seq, at]) => ({ seq, at })).sort((a, b) => a.seq - b.seq);
}

/** The time of a seq, interpolated between the nearest anchors (exact at an anchor). */
export function timeOfSeq(anchors: readonly Anchor[], seq: number): number {
  if (anchors.length === 0) return 0;
  const first = anchors[0]!;
  const last = anchors[anchors.length - 1]!;
  if (seq <= first.seq) return first.at;
  if (seq >= last.seq) return last.at;
  let lo = 0;
  let hi = anchors.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (anchors[mid]!.seq <= seq) lo = mid;
    else hi = mid;
  }
  const a = anchors[lo]!;
  const b = anchors[hi]!;
  return b.seq === a.seq ? a.at : a.at + ((b.at - a.at) * (seq - a.seq)) / (b.seq - a.seq);
}

/** The last seq whose (interpolated) time is at or before `t`. */
export function seqAtTime(anchors: readonly Anchor[], t: number): number {
  if (anchors.length === 0) return 0;
  let lo = 0;
  let hi = anchors.length - 1;
  if (anchors[0]!.at > t) return anchors[0]!.seq;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (anchors[mid]!.at <= t) lo = mid;
    else hi = mid - 1;
  }
  const a = anchors[lo]!;
  const b = anchors[lo + 1];
  if (!b || b.at === a.at) return a.seq;
  return a.seq + Math.floor(((b.seq - a.seq) * (t - a.at)) / (b.at - a.at));
}

/** One anchor per event, from the timeline's `times` (already in seq order, one per seq). */
export function anchorsFromTimes(times: { from: number; offsets: readonly number[] }, firstSeq: number): Anchor[] {
  return times.offsets.map((offset, i) => ({ seq: firstSeq + i, at: times.from + offset }));
}

/** Where playback stands: the session time it has reached and the seq it showed for it. */
export interface PlayClock {
  t: number;
  seq: number;
}

/**
 * One step of playback: `elapsedMs` of real time at `speed` moves the session clock on by
 * elapsed × speed, and the replay shows the last event that had happened by then (never going
 * back, never past the end). When the scrubber moved since the last step (`seq` is not the
 * clock's), playback carries on from the time of that seq.
 */
export function playbackStep(anchors: readonly Anchor[], clock: PlayClock | null, seq: number, elapsedMs: number, speed: number, lastSeq: number): PlayClock {
  const from = clock === null || clock.seq !== seq ? { t: timeOfSeq(anchors, seq), seq } : clock;
  const t = from.t + elapsedMs * speed;
  return { t, seq: Math.min(lastSeq, Math.max(seq, seqAtTime(anchors, t))) };
}
