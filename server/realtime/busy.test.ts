// Graceful overload over real sockets: while the store is held (as a slow disk would hold it), a
// flood of commands fills the session's queue; past MAX_WAITING_COMMANDS the server answers BUSY at
// once, in the protocol's error shape, and every command it accepted is stored and acknowledged
// once the store moves again. The socket rate limits are loosened so that only the queue refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import type { GameEvent } from '../engine';
import type { AppendExtra, StoredEvent } from '../runtime/ports';
import { BUSY, MAX_WAITING_COMMANDS } from '../runtime/session-runtime';
import { SqliteEventStore } from '../runtime/sqlite-store';
import { startGame, type Game, type Player } from '../testing/game-setup';
import { startLiveServer, type LiveServer } from '../testing/live-server';
import { settle, waitFor, type Ack } from '../testing/player-client';

/** The SQLite store, with a gate a test can close: appends wait at it, in order. */
class GatedStore extends SqliteEventStore {
  private gate: Promise<void> | null = null;
  private open: () => void = () => undefined;
  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }
  release(): void {
    this.gate = null;
    this.open();
  }
  override async append(sessionId: string, expectedSeq: number, events: GameEvent[], extra?: AppendExtra): Promise<StoredEvent[]> {
    if (this.gate) await this.gate;
    return super.append(sessionId, expectedSeq, events, extra);
  }
}

const loose = { burst: 10_000, perSecond: 10_000 };
let live: LiveServer;
let store: GatedStore;
let game: Game;
let usa: Player[];

beforeAll(async () => {
  live = await startLiveServer(undefined, {
    realtime: { limits: { events: loose, commands: loose, seatCommands: loose } },
    eventStore: (database) => (store = new GatedStore(database)),
  });
  game = await startGame(live, { players: 4, email: 'busy@school.org' });
  await game.api.session.deal.mutate({ sessionId: game.sessionId });
  await game.api.session.start.mutate({ sessionId: game.sessionId });
  await settle(game.players);
  usa = game.players.filter((p) => p.view.me.role?.side === 'usa');
}, 20_000);
afterAll(async () => {
  for (const p of game.players) p.close();
  await live.stop();
});

describe('a flood of commands on one session', () => {
  it('is refused with BUSY past the queue depth at once, and every accepted command is stored and acknowledged', async () => {
    const [sender, teammate] = usa as [Player, Player];
    const extra = 16;
    const flood = MAX_WAITING_COMMANDS + extra;
    const acks: { i: number; ack: Ack }[] = [];
    store.hold();
    const sends = Array.from({ length: flood }, (_, i) =>
      sender.send({ type: 'PostMessage', channelId: 't1:team:usa', text: `flood ${i}`, commandId: `f-${i}` }, { retry: false }).then((ack) => acks.push({ i, ack })),
    );
    // Nothing can be stored: the refusals arrive anyway, and only they.
    await waitFor(() => acks.length >= extra, 'the BUSY answers');
    expect(acks.map((a) => a.ack)).toEqual(Array.from({ length: extra }, () => ({ ok: false, code: 'BUSY', message: BUSY.message })));
    // Socket.IO keeps a socket's order: the last ones found the queue full.
    expect(acks.map((a) => a.i)).toEqual(Array.from({ length: extra }, (_, k) => MAX_WAITING_COMMANDS + k));

    store.release();
    await Promise.all(sends);
    const accepted = acks.filter((a) => a.ack.ok).map((a) => `flood ${a.i}`);
    expect(accepted).toEqual(Array.from({ length: MAX_WAITING_COMMANDS }, (_, i) => `flood ${i}`));

    // On disk, read through another connection to the file: every accepted command, no refused one.
    const other = openDatabase(live.dbPath);
    try {
      const rows = other.sqlite.prepare("SELECT payload FROM events WHERE session_id = ? AND type = 'MessagePosted' ORDER BY seq").all(game.sessionId) as { payload: string }[];
      expect(rows.map((r) => (JSON.parse(r.payload) as { text: string }).text)).toEqual(accepted);
    } finally {
      other.sqlite.close();
    }
    // And the teammate saw them all.
    await waitFor(() => teammate.view.messages.filter((m) => m.text.startsWith('flood ')).length === accepted.length, 'the teammate’s view');
  });
});
