import { hash } from 'node:crypto';
import { APPEND_ONLY_KEYS, type ViewDiff } from '../../shared/patch';
import type { AnyView } from './protocol';

/**
 * What the fan-out keeps of the view a socket holds, instead of the view: the table
 * it showed, how far into the session's message log it has been projected, a digest of each key
 * and, for the lists that grow at their end, their length and a hash chain of their ids. A few
 * hundred bytes whatever the length of the session.
 */
export interface ViewSync {
  tableId: string | null;
  /** The session's message count when this view was last projected: later messages are new to it. */
  messagesSeen: number;
  digests: Map<string, string>;
  tails: Map<string, Tail>;
}

/** A list's length and two 32-bit FNV-1a lanes over its ids: equal chains, equal id sequences. */
export interface Tail {
  length: number;
  a: number;
  b: number;
}

const APPEND = new Set<string>(APPEND_ONLY_KEYS);

function chain(tail: Tail, items: readonly unknown[], from: number, to: number): Tail {
  let { a, b } = tail;
  for (let i = from; i < to; i++) {
    const item = items[i] as { id?: unknown } | null;
    const id = typeof item?.id === 'string' ? item.id : JSON.stringify(item);
    for (let k = 0; k < id.length; k++) {
      const c = id.charCodeAt(k);
      a = Math.imul(a ^ c, 16777619) >>> 0;
      b = Math.imul(b ^ c, 2246822519) >>> 0;
    }
    // A separator, so ["ab","c"] and ["a","bc"] differ.
    a = Math.imul(a ^ 0x1f, 16777619) >>> 0;
    b = Math.imul(b ^ 0x1f, 2246822519) >>> 0;
  }
  return { length: tail.length + (to - from), a, b };
}

const EMPTY: Tail = { length: 0, a: 2166136261, b: 3339675911 };

/** Digests of objects that cannot change (frozen, or the session's scenario): computed once. */
const known = new WeakMap<object, string>();

/**
 * A short stand-in for a value's JSON: short JSON as itself, longer as its SHA-1 (a collision
 * would only leave a view behind, never show it anything: every value sent is project()'s).
 */
export function digest(value: unknown, unchanging: (value: object) => boolean = Object.isFrozen): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  const stable = unchanging(value);
  if (stable) {
    const found = known.get(value);
    if (found !== undefined) return found;
  }
  const json = JSON.stringify(value);
  const out = json.length <= 40 ? json : hash('sha1', json, 'base64');
  if (stable) known.set(value, out);
  return out;
}

/**
 * Moves `sync` on past messages the socket received outside a patch (stream frames): they were
 * appended to its `messages`, projected up to a log of `messagesSeen` messages.
 */
export function appendMessages(sync: ViewSync, messages: readonly { id: string }[], messagesSeen: number, memo?: Map<Tail, Tail>): void {
  const old = sync.tails.get('messages') ?? EMPTY;
  // The sockets of a table hold the same list, and after their first frame the same Tail object:
  // one chain per commit serves them all, found by identity (no key built per socket).
  let next = memo?.get(old);
  if (!next) {
    next = chain(old, messages, 0, messages.length);
    memo?.set(old, next);
  }
  sync.tails.set('messages', next);
  if (messagesSeen > sync.messagesSeen) sync.messagesSeen = messagesSeen;
}

/** What the fan-out keeps after sending `view` whole (a snapshot). */
export function syncFrom(view: AnyView, messagesSeen: number, unchanging?: (value: object) => boolean): ViewSync {
  const sync: ViewSync = { tableId: tableOfView(view), messagesSeen, digests: new Map(), tails: new Map() };
  for (const [key, value] of Object.entries(view)) {
    if (APPEND.has(key) && Array.isArray(value)) sync.tails.set(key, chain(EMPTY, value, 0, value.length));
    else sync.digests.set(key, digest(value, unchanging));
  }
  return sync;
}

export function tableOfView(view: AnyView): string | null {
  return view.kind === 'seat' ? view.me.tableId : null;
}

/**
 * The change from what `sync` describes to `next`, and `sync` moved on to `next`. With
 * `messagesTail`, `next.messages` holds only the messages projected from `sync.messagesSeen` on,
 * all of them new. Returns null when nothing changed.
 */
export function advance(sync: ViewSync, next: AnyView, messagesTail: boolean, unchanging?: (value: object) => boolean): ViewDiff | null {
  const set: Record<string, unknown> = {};
  const append: Record<string, unknown[]> = {};
  let changed = false;
  for (const [key, value] of Object.entries(next)) {
    if (APPEND.has(key) && Array.isArray(value)) {
      const old = sync.tails.get(key) ?? EMPTY;
      if (messagesTail && key === 'messages') {
        if (value.length > 0) {
          append[key] = value;
          sync.tails.set(key, chain(old, value, 0, value.length));
          changed = true;
        }
        continue;
      }
      const prefix = value.length >= old.length ? chain(EMPTY, value, 0, old.length) : null;
      if (prefix && prefix.a === old.a && prefix.b === old.b) {
        if (value.length > old.length) {
          append[key] = value.slice(old.length);
          sync.tails.set(key, chain(prefix, value, old.length, value.length));
          changed = true;
        }
      } else {
        set[key] = value;
        sync.tails.set(key, chain(EMPTY, value, 0, value.length));
        changed = true;
      }
    } else {
      const d = digest(value, unchanging);
      if (sync.digests.get(key) !== d) {
        set[key] = value;
        sync.digests.set(key, d);
        changed = true;
      }
    }
  }
  sync.tableId = tableOfView(next);
  return changed ? { set, append } : null;
}
