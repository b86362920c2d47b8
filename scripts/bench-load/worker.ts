// A load worker: a share of the simulated players in a process of its own, so that generating the
// load never shares an event loop with the server it measures. Driven by the parent over IPC.
import { BarePlayer, GamePlayer, type LoadClient } from './clients';
import { now } from './clock';
import { serve, statsHandlers } from './ipc';
import { Recorder, type Window } from './recorder';

export type Seat = { kind: 'game'; room: string; name: string } | { kind: 'bare'; room: string; speaks: boolean };

/** Connections opened at once by one worker: a class joins together, not 5,000 handshakes in a burst. */
const CONNECTING_AT_ONCE = 50;

const recorder = new Recorder();
let clients: LoadClient[] = [];
/** Each player's next post, by its index. */
let timers: (ReturnType<typeof setTimeout> | undefined)[] = [];

/** Runs `task` on every client, at most `limit` at a time; resolves with the errors (first few kept). */
async function eachClient(task: (client: LoadClient) => Promise<void>, limit: number, which: LoadClient[] = clients): Promise<{ failed: number; errors: string[] }> {
  let next = 0;
  let failed = 0;
  const errors: string[] = [];
  const lane = async () => {
    while (next < which.length) {
      const client = which[next++]!;
      await task(client).catch((error: unknown) => {
        failed++;
        if (errors.length < 3) errors.push(error instanceof Error ? error.message : String(error));
      });
    }
  };
  await Promise.all(Array.from({ length: limit }, lane));
  return { failed, errors };
}

function stopSending(): void {
  for (const timer of timers) clearTimeout(timer);
  timers = [];
}

serve({
  ...statsHandlers(),
  init: (request) => {
    const { url, seats } = request as unknown as { url: string; seats: Seat[] };
    clients = seats.map((seat) => (seat.kind === 'game' ? new GamePlayer(url, seat.room, seat.name, recorder) : new BarePlayer(url, seat.room, seat.speaks, recorder)));
    return { clients: clients.length };
  },
  connect: () => eachClient((client) => client.connect(), CONNECTING_AT_ONCE),
  /** Waits until every player can post (or only listens); says who sits where. */
  prepare: async () => {
    const result = await eachClient((client) => client.ready(), clients.length);
    const tables: Record<string, { members: number; speakers: number }> = {};
    for (const client of clients) {
      if (client.table === null) continue;
      const table = (tables[client.table] ??= { members: 0, speakers: 0 });
      table.members++;
      if (client.speaks) table.speakers++;
    }
    return { ...result, tables };
  },
  /**
   * Every speaking player posts once per `period` ms on average (each interval drawn from 0.8–1.2 ×
   * period, the first from 0–1 × period so players do not post in step) until `to`; what is sent in
   * [from, to) is measured.
   */
  load: (request) => {
    const { period, from, to } = request as unknown as { period: number } & Window;
    stopSending();
    recorder.start({ from, to });
    const start = now();
    clients.forEach((client, i) => {
      if (!client.speaks) return;
      let due = start + Math.random() * period;
      const tick = () => {
        if (now() >= to) return;
        client.send();
        due += period * (0.8 + 0.4 * Math.random());
        timers[i] = setTimeout(tick, Math.max(0, due - now()));
      };
      timers[i] = setTimeout(tick, due - start);
    });
    return null;
  },
  /** Reconnects the players whose sockets were dropped (a sweep's overloaded step must not spoil the next). */
  heal: async () => {
    const dropped = clients.filter((client) => !client.connected);
    const result = await eachClient(async (client) => {
      await client.connect();
      await client.ready();
    }, CONNECTING_AT_ONCE, dropped);
    return { ...result, healed: dropped.length - result.failed };
  },
  counts: () => recorder.counts(),
  report: () => {
    stopSending();
    return recorder.report();
  },
  disconnect: () => {
    stopSending();
    for (const client of clients) client.close();
    return null;
  },
});
