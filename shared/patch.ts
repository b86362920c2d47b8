/**
 * Keys of a view whose lists usually grow at the end: patches carry just the new items. Kept here,
 * free of zod, so the browser's view tracker stays small.
 */
export const APPEND_ONLY_KEYS = ['messages', 'broadcasts', 'frontMessages'] as const;

/**
 * The difference between two projections of the same viewer, so a phone on a school network
 * receives a new message, not the whole transcript again. Keys whose JSON is unchanged are left
 * out; append-only lists send only their new tail.
 */
export interface ViewDiff {
  set: Record<string, unknown>;
  append: Record<string, unknown[]>;
}

type Serialised = Map<string, string>;

export function serialise(view: object): Serialised {
  const out: Serialised = new Map();
  for (const [key, value] of Object.entries(view)) {
    if (!(APPEND_ONLY_KEYS as readonly string[]).includes(key)) out.set(key, JSON.stringify(value));
  }
  return out;
}

export function diffViews(prev: object, prevSerialised: Serialised, next: object, nextSerialised: Serialised): ViewDiff {
  const set: Record<string, unknown> = {};
  const append: Record<string, unknown[]> = {};
  const before = prev as Record<string, unknown>;
  for (const [key, value] of Object.entries(next)) {
    if ((APPEND_ONLY_KEYS as readonly string[]).includes(key) && Array.isArray(value)) {
      const old = before[key];
      if (Array.isArray(old) && isPrefix(old, value)) {
        if (value.length > old.length) append[key] = value.slice(old.length);
      } else {
        set[key] = value;
      }
    } else if (prevSerialised.get(key) !== nextSerialised.get(key)) {
      set[key] = value;
    }
  }
  return { set, append };
}

/**
 * Items of these lists carry ids and never change once sent, but the list itself can change in the
 * middle (a seat moved to another table sees other broadcasts): every id must match.
 */
function isPrefix(old: unknown[], next: unknown[]): boolean {
  if (old.length > next.length) return false;
  const idOf = (x: unknown) => (x as { id?: unknown }).id;
  for (let i = 0; i < old.length; i++) if (idOf(old[i]) !== idOf(next[i])) return false;
  return true;
}

/** Applies a diff (the client does the same; see app/lib/apply-patch.ts). */
export function applyDiff<T extends object>(view: T, diff: ViewDiff): T {
  const out = { ...view } as Record<string, unknown>;
  for (const [key, value] of Object.entries(diff.set)) out[key] = value;
  for (const [key, items] of Object.entries(diff.append)) out[key] = [...((out[key] as unknown[]) ?? []), ...items];
  return out as T;
}
