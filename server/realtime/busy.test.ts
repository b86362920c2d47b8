// Graceful overload over real sockets: while the store is held (as a slow disk would hold it), a
// flood of commands fills the session's queue; past MAX_WAITING_COMMANDS the server answers BUSY at
// once, in the protocol's error shape, and every command it accepted is stored and acknowledged
// once the store moves again. The socket rate limits are loosened so that only the queue refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameEvent } from '../engine';
import type { AppendExtra, EventStore, SessionRecord, StoredEvent } from '../runtime/ports';
import { BUSY, MAX_WAITING_COMMANDS } from '../runtime/session-runtime';
import { startGame, type Game, type Player } from '../testing/game-setup';
import { startLiveServer, type LiveServer } from '../testing/live-server';
import { settle, waitFor, type Ack } from '../testing/player-client';

/** The server's event store, with a gate a test can close: appends wait at it, in order. */
class GatedStore implements EventStore {
  private gate: Promise<void> | null = null;
  private open: () => void = () => undefined;
  constructor(private readonly inner: EventStore) {}
  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }
  release(): void {
    this.gate = null;
    this.open();
  }
  async append(sessionId: string, expectedSeq: number, events: GameEvent[], extra?: AppendExtra): Promise<StoredEvent[]> {
    if (this.gate) await this.gate;
    return this.inner.append(sessionId, expectedSeq, events, extra);
  }
  createSession = (record: SessionRecord) => this.inner.createSession(record);
  hasCommand = (sessionId: string, commandKey: string) => this.inner.hasCommand(sessionId, commandKey);
  load = (sessionId: string, afterSeq?: number) => this.inner.load(sessionId, afterSeq);
  liveSessions = () => this.inner.liveSessions();
  findSession = (by: { id?: string; code?: string }) => this.inner.findSession(by);
  listSessions = (facilitatorId: string | null) => this.inner.listSessions(facilitatorId);
  seatForToken = (sessionId: string, tokenHash: string) => this.inner.seatForToken(sessionId, tokenHash);
  close = () => this.inner.close();
}

const loose = { burst: 10_000, perSecond: 10_000 };
let live: LiveServer;
let store: GatedStore;
let game: Game;
let usa: Player[];

beforeAll(async () => {
  live = await startLiveServer(undefined, {
    realtime: { limits: { events: loose, commands: loose, seatCommands: loose } },
    wrapEvents: (inner) => (store = new GatedStore(inner)),
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

    // In the store: every accepted command, no refused one.
    const stored = await live.server.stores!.events.load(game.sessionId);
    expect(stored.flatMap((e) => (e.event.type === 'MessagePosted' ? [e.event.text] : []))).toEqual(accepted);
    // And the teammate saw them all.
    await waitFor(() => teammate.view.messages.filter((m) => m.text.startsWith('flood ')).length === accepted.length, 'the teammate’s view');
  });
});
