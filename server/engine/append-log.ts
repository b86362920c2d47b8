/**
 * Append-only collections for the game state's histories (messages, stories, tips, the support
 * ledger, broadcasts), so that `evolve` adds an entry in O(1) amortised time instead of copying
 * the whole history at every event, while every state ever returned stays valid and unchanged.
 *
 * How (the Go-slice arrangement): a list is a view `(backing, length)` of a backing array that
 * several views share. A view reads only backing[0 .. length). Appending
 * - pushes in place when the view is the backing's tip (backing.length === length): the new slot
 *   lies beyond every existing view's length, so no existing view can see it;
 * - copies backing[0 .. length) into a fresh backing first when it is not (someone already grew
 *   the shared backing from this view: a second branch, like the replay folding on from a
 *   snapshot the first visit went past). That branch then owns its copy.
 * Slots below a view's length are never written again (only `push` ever writes, and only at the
 * end), so the invariant "a view's elements never change" holds for every view, old or new. A
 * linear fold therefore never copies, and a branch pays one copy of its prefix, once.
 *
 * The backing is a private field: views compare (vitest's toEqual), iterate and serialise
 * (`toJSON`) by their visible elements only, like the arrays and records they replace.
 */
export class AppendList<T> implements Iterable<T> {
  readonly #items: T[];
  /** How many entries this view holds. */
  readonly length: number;

  private constructor(items: T[], length: number) {
    this.#items = items;
    this.length = length;
  }

  static empty<T>(): AppendList<T> {
    return new AppendList<T>([], 0);
  }

  static from<T>(items: Iterable<T>): AppendList<T> {
    const copy = [...items];
    return new AppendList(copy, copy.length);
  }

  /** This list with `items` after it. This view is unchanged. */
  append(...items: T[]): AppendList<T> {
    if (items.length === 0) return this;
    const backing = this.#items.length === this.length ? this.#items : this.#items.slice(0, this.length);
    for (const item of items) backing.push(item);
    return new AppendList(backing, this.length + items.length);
  }

  at(index: number): T | undefined {
    const i = index < 0 ? this.length + index : index;
    return i >= 0 && i < this.length ? this.#items[i] : undefined;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.length; i++) yield this.#items[i]!;
  }

  /** The entries from `start` on (as `Array.prototype.slice`), as a new array. */
  slice(start = 0, end = this.length): T[] {
    const clamp = (n: number) => Math.max(0, Math.min(this.length, n < 0 ? this.length + n : n));
    return this.#items.slice(clamp(start), clamp(end));
  }

  toArray(): T[] {
    return this.#items.slice(0, this.length);
  }

  toJSON(): T[] {
    return this.toArray();
  }

  filter(keep: (item: T, index: number) => boolean): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.length; i++) if (keep(this.#items[i]!, i)) out.push(this.#items[i]!);
    return out;
  }

  map<U>(f: (item: T, index: number) => U): U[] {
    const out: U[] = new Array<U>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = f(this.#items[i]!, i);
    return out;
  }

  find(match: (item: T) => boolean): T | undefined {
    for (let i = 0; i < this.length; i++) if (match(this.#items[i]!)) return this.#items[i];
    return undefined;
  }

  some(match: (item: T) => boolean): boolean {
    for (let i = 0; i < this.length; i++) if (match(this.#items[i]!)) return true;
    return false;
  }
}

/**
 * An append-only record keyed by id (the tips), built the same way: a view `(backing, length)`
 * where the backing holds the entries in order and an index id → position. A view sees an id only
 * when its position is below the view's length, so ids added later, or on another branch after a
 * copy, stay invisible to it.
 */
export class AppendRecord<T extends { id: string }> implements Iterable<T> {
  readonly #backing: { items: T[]; index: Map<string, number> };
  /** How many entries this view holds. */
  readonly count: number;

  private constructor(backing: { items: T[]; index: Map<string, number> }, count: number) {
    this.#backing = backing;
    this.count = count;
  }

  static empty<T extends { id: string }>(): AppendRecord<T> {
    return new AppendRecord<T>({ items: [], index: new Map() }, 0);
  }

  static from<T extends { id: string }>(items: Iterable<T>): AppendRecord<T> {
    let record = AppendRecord.empty<T>();
    for (const item of items) record = record.add(item);
    return record;
  }

  /** This record with `item` added; an id it already holds is a bug of the caller and throws. */
  add(item: T): AppendRecord<T> {
    if (this.has(item.id)) throw new Error(`AppendRecord: ${item.id} is already there`);
    let backing = this.#backing;
    if (backing.items.length !== this.count) {
      const items = backing.items.slice(0, this.count);
      backing = { items, index: new Map(items.map((entry, i) => [entry.id, i])) };
    }
    backing.index.set(item.id, backing.items.length);
    backing.items.push(item);
    return new AppendRecord(backing, this.count + 1);
  }

  get(id: string): T | undefined {
    const i = this.#backing.index.get(id);
    return i !== undefined && i < this.count ? this.#backing.items[i] : undefined;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.count; i++) yield this.#backing.items[i]!;
  }

  /** The entries in the order they were added. */
  values(): T[] {
    return this.#backing.items.slice(0, this.count);
  }

  ids(): string[] {
    return this.values().map((t) => t.id);
  }

  /** As the plain record it stands for: what `JSON.stringify` writes. */
  toJSON(): Record<string, T> {
    return Object.fromEntries(this.values().map((t) => [t.id, t]));
  }
}
