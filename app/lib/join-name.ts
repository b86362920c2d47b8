'use client';

/**
 * The display name typed on the home page, handed to the room's page without going through the
 * address (where it would stay in the history and show on a projected screen). sessionStorage
 * keeps it for a reload of this tab only; the in-memory copy covers browsers without storage.
 */
const memory = new Map<string, string>();
const key = (room: string) => `backchannel:join-name:${room}`;

export function stashJoinName(room: string, name: string): void {
  memory.set(room, name);
  try {
    window.sessionStorage.setItem(key(room), name);
  } catch {
    // Storage disabled: the in-memory copy is enough for the client-side navigation.
  }
}

export function readJoinName(room: string): string | null {
  try {
    const stored = window.sessionStorage.getItem(key(room));
    if (stored) return stored;
  } catch {
    // See stashJoinName.
  }
  return memory.get(room) ?? null;
}

/** Once the room has given a seat, the seat token is what brings the student back. */
export function clearJoinName(room: string): void {
  memory.delete(room);
  try {
    window.sessionStorage.removeItem(key(room));
  } catch {
    // See stashJoinName.
  }
}
