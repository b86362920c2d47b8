'use client';

/**
 * What this device remembers of the games it plays, in localStorage so it outlives a closed
 * browser: the seat token per room (the only credential), a label for the home page's "return to
 * your game", and, per room and seat, the open channel, unsent drafts and the broadcasts already
 * read. Every access tolerates storage being unavailable (private mode, full, disabled): then the
 * game simply lasts as long as the tab.
 */

const PREFIX = 'backchannel:';
const tokenKey = (room: string) => `${PREFIX}seat:${room}`;
const infoKey = (room: string) => `${PREFIX}seat-info:${room}`;
const deskKey = (room: string, seatId: string) => `${PREFIX}desk:${room}:${seatId}`;

function get(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function set(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Nothing to do: see above.
  }
}

function keys(): string[] {
  try {
    return Array.from({ length: window.localStorage.length }, (_, i) => window.localStorage.key(i)).filter((k): k is string => k !== null);
  } catch {
    return [];
  }
}

function parse<T>(text: string | null): Partial<T> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Partial<T>) : null;
  } catch {
    return null;
  }
}

export function readToken(room: string): string | null {
  return get(tokenKey(room));
}

export function writeToken(room: string, token: string | null): void {
  set(tokenKey(room), token);
}

export interface SeatInfo {
  name: string;
  title: string;
  savedAt: number;
}

/** What the home page says about a stored seat: the name and the scenario, nothing secret. */
export function rememberSeat(room: string, info: Omit<SeatInfo, 'savedAt'>): void {
  const current = parse<SeatInfo>(get(infoKey(room)));
  if (current?.name === info.name && current.title === info.title) return;
  set(infoKey(room), JSON.stringify({ ...info, savedAt: Date.now() }));
}

/** Rooms this device holds a seat token for, most recent first. */
export function storedSeats(): ({ room: string } & Partial<SeatInfo>)[] {
  const rooms = keys()
    .filter((k) => k.startsWith(`${PREFIX}seat:`))
    .map((k) => k.slice(`${PREFIX}seat:`.length));
  return rooms
    .map((room) => {
      const info = parse<SeatInfo>(get(infoKey(room)));
      return {
        room,
        ...(typeof info?.name === 'string' ? { name: info.name } : {}),
        ...(typeof info?.title === 'string' ? { title: info.title } : {}),
        ...(typeof info?.savedAt === 'number' ? { savedAt: info.savedAt } : {}),
      };
    })
    .sort((a, b) => (b.savedAt ?? 0) - (a.savedAt ?? 0));
}

/** Drops everything this device keeps for a room: token, label, drafts. */
export function forgetRoom(room: string): void {
  set(tokenKey(room), null);
  set(infoKey(room), null);
  for (const k of keys()) if (k.startsWith(`${PREFIX}desk:${room}:`)) set(k, null);
}

/** The student's desk in one game: what survives a reload or a closed browser. */
export interface Desk {
  selected: string | null;
  drafts: Record<string, string>;
  /** Broadcast ids read (shown in the banner and dismissed, or there before the seat was stored). */
  seenBroadcasts: string[] | null;
}

export function readDesk(room: string, seatId: string): Desk {
  const stored = parse<Desk>(get(deskKey(room, seatId)));
  const drafts: Record<string, string> = {};
  if (stored?.drafts && typeof stored.drafts === 'object') {
    for (const [id, text] of Object.entries(stored.drafts)) if (typeof text === 'string' && text !== '') drafts[id] = text;
  }
  return {
    selected: typeof stored?.selected === 'string' ? stored.selected : null,
    drafts,
    seenBroadcasts: Array.isArray(stored?.seenBroadcasts) ? stored.seenBroadcasts.filter((x): x is string => typeof x === 'string') : null,
  };
}

export function updateDesk(room: string, seatId: string, change: (desk: Desk) => Desk): void {
  const next = change(readDesk(room, seatId));
  const drafts = Object.fromEntries(Object.entries(next.drafts).filter(([, text]) => text !== ''));
  set(deskKey(room, seatId), JSON.stringify({ ...next, drafts }));
}

/**
 * A seat handed over by the facilitator (session.replace) arrives as /play/CODE#seat=TOKEN: the
 * fragment never reaches a server or its logs. It is stored like a joined seat's token and
 * removed from the address at once, so it stays out of the history and off a projected screen.
 */
export function claimSeatFromLink(room: string): string | null {
  if (typeof window === 'undefined') return null;
  const match = /^#seat=([^&]+)$/.exec(window.location.hash);
  if (!match?.[1]) return null;
  const token = decodeURIComponent(match[1]);
  writeToken(room, token);
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  return token;
}
