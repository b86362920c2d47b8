/**
 * Keys of a view whose lists usually grow at the end: patches carry just the new items. Kept here,
 * free of zod, so the browser's view tracker stays small.
 */
export const APPEND_ONLY_KEYS = ['messages', 'broadcasts', 'frontMessages'] as const;

/**
 * The difference between two projections of the same viewer, so a phone on a school network
 * receives a new message, not the whole transcript again. Keys whose JSON is unchanged are left
 * out; append-only lists send only their new tail. The server finds the difference without
 * keeping the view (server/realtime/view-sync.ts).
 */
export interface ViewDiff {
  set: Record<string, unknown>;
  append: Record<string, unknown[]>;
}

/** Applies a diff (the client does the same; see app/lib/apply-patch.ts). */
export function applyDiff<T extends object>(view: T, diff: ViewDiff): T {
  const out = { ...view } as Record<string, unknown>;
  for (const [key, value] of Object.entries(diff.set)) out[key] = value;
  for (const [key, items] of Object.entries(diff.append)) out[key] = [...((out[key] as unknown[]) ?? []), ...items];
  return out as T;
}
