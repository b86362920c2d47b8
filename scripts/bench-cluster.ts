// npm run bench:cluster — the same load on one node and on three nodes behind nginx (deploy/nginx.conf),
// sharing one PostgreSQL (a throw-away cluster; one SQLite file when PostgreSQL is not installed) and one Redis: players served, command round trip (commit + fan-out to the room,
// p50/p99) and the time a node's rooms take to play again after it is killed (SIGKILL). With one node,
// "failover" is that node restarting. On a 2-core machine the point is the shape, not a speed-up.
// Options (env): BENCH_SESSIONS (20), BENCH_PLAYERS (4 per session), BENCH_TICK_MS (500), BENCH_SECONDS (20).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTRPCClient, httpLink } from '@trpc/client';
import pg from 'pg';
import { createClient } from 'redis';
import { createFacilitator } from '../server/auth/accounts';
import { openPgStores } from '../server/stores/pg';
import { openSqliteStores } from '../server/stores/sqlite';
import { findPgBinaries, startPgCluster, type PgCluster } from '../server/testing/pg/cluster';
import type { AppRouter } from '../server/api/router';
import { projectRoot } from '../server/paths';
import { ClusterPlayer } from '../server/cluster/testing/cluster-player';
import { nginxConfFor, startNode, type NodeProcess } from '../server/cluster/testing/nodes';
import { freePort, missingServices, startNginx, startRedis } from '../server/cluster/testing/services';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 20);
const PLAYERS = Number(process.env.BENCH_PLAYERS ?? 4);
const TICK_MS = Number(process.env.BENCH_TICK_MS ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const LONG = { briefing: 3600, 'round-1': 3600, 'round-2': 3600, 'round-3': 3600 };

interface Figures {
  nodes: number;
  players: number;
  commandsPerSec: number;
  p50: number;
  p99: number;
  failoverRooms: number;
  failoverMedian: number;
  failoverMax: number;
}

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN;
};

/** A facilitator account made in the store, signed in through the proxy: the login cookie. */
async function signIn(url: string, databaseUrl: string): Promise<string> {
  const email = 'bench@school.org';
  const password = 'correct horse battery';
  const stores = databaseUrl.startsWith('postgres') ? await openPgStores(databaseUrl, { max: 1 }) : await openSqliteStores(databaseUrl);
  try {
    await createFacilitator(stores.accounts, { email, password, isAdmin: false });
  } finally {
    await stores.close();
  }
  const res = await fetch(`${url}/api/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const cookie = res.headers.get('set-cookie');
  if (!res.ok || !cookie) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return cookie.split(';')[0]!;
}

/** A fresh database for one run: on the PostgreSQL cluster, or a SQLite file in `dir`. */
async function freshDatabase(postgres: PgCluster | null, dir: string, name: string): Promise<string> {
  if (!postgres) return path.join(dir, `${name}.db`);
  const admin = new pg.Client({ connectionString: postgres.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return `postgres://postgres@127.0.0.1:${postgres.port}/${name}`;
}

async function run(nodeCount: number, postgres: PgCluster | null): Promise<Figures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'backchannel-bench-cluster-'));
  const databaseUrl = await freshDatabase(postgres, dir, `bench_${nodeCount}`);
  const redis = await startRedis();
  const leases = createClient({ url: redis.url });
  await leases.connect();
  const ports: number[] = [];
  for (let i = 0; i < nodeCount; i++) ports.push(await freePort());
  const nodes: NodeProcess[] = [];
  let generation = 0;
  const boot = async (i: number) => (nodes[i] = await startNode({ nodeId: `bench${i + 1}-${generation++}`, port: ports[i]!, databaseUrl, redisUrl: redis.url }));
  const players: ClusterPlayer[] = [];
  const proxyConf = nginxConfFor(readFileSync(path.join(projectRoot, 'deploy', 'nginx.conf'), 'utf8'), ports);
  let proxy: Awaited<ReturnType<typeof startNginx>> | undefined;
  try {
    await boot(0);
    await Promise.all(ports.slice(1).map((_, i) => boot(i + 1)));
    proxy = await startNginx(proxyConf);
    const url = proxy.url;
    const cookie = await signIn(url, databaseUrl);
    const api = (room?: string) => createTRPCClient<AppRouter>({ links: [httpLink({ url: `${url}/api/trpc`, headers: () => ({ cookie, ...(room ? { 'x-backchannel-room': room } : {}) }) })] });
    const rooms: { sessionId: string; code: string; players: ClusterPlayer[] }[] = [];
    for (let s = 0; s < SESSIONS; s++) {
      const { sessionId, code } = await api().session.create.mutate({ scenarioId: 'cuban-missile-crisis', options: { phaseDurations: LONG, leakSensitivity: 0, tableCount: 1, openChannels: {} } });
      const own = Array.from({ length: PLAYERS }, (_, p) => new ClusterPlayer(url, code, `B${s}P${p + 1}`, TICK_MS));
      players.push(...own);
      await until(() => own.every((p) => p.view !== null), `room ${code}'s players`);
      const room = api(code);
      await room.session.deal.mutate({ sessionId });
      await room.session.start.mutate({ sessionId });
      await room.session.skip.mutate({ sessionId });
      rooms.push({ sessionId, code, players: own });
    }
    for (const p of players) p.play();
    // Steady state: the window starts once every room has played.
    await until(() => rooms.every((r) => r.players.some((p) => p.acked.length > 0)), 'every room to play');
    const from = Date.now();
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
    const to = Date.now();
    const window = players.flatMap((p) => p.acked.filter((a) => a.sentAt >= from && a.sentAt < to));
    const rtt = window.map((a) => a.ackedAt - a.sentAt);
    const served = players.filter((p) => p.acked.some((a) => a.sentAt >= from && a.sentAt < to)).length;

    // Failover: the first node dies; its rooms (all of them with one node) must play again.
    const victim = nodes[0]!;
    const affected: typeof rooms = [];
    for (const room of rooms) if ((await leases.get(`backchannel:lease:${room.sessionId}`)) === victim.nodeId) affected.push(room);
    const killedAt = Date.now();
    await victim.kill();
    // One node: nothing else can take over; it is restarted at once (a process manager's job).
    if (nodeCount === 1) await boot(0);
    const resumedAt = (room: (typeof rooms)[number]) => Math.min(...room.players.flatMap((p) => p.acked.filter((a) => a.sentAt >= killedAt).map((a) => a.ackedAt)));
    await until(() => affected.every((r) => Number.isFinite(resumedAt(r))), 'the dead node’s rooms to resume', 60_000);
    const resumes = affected.map((r) => resumedAt(r) - killedAt);
    return {
      nodes: nodeCount,
      players: served,
      commandsPerSec: window.length / ((to - from) / 1000),
      p50: quantile(rtt, 0.5),
      p99: quantile(rtt, 0.99),
      failoverRooms: affected.length,
      failoverMedian: quantile(resumes, 0.5),
      failoverMax: Math.max(...resumes),
    };
  } finally {
    for (const p of players) p.close();
    await Promise.allSettled(nodes.map((n) => n.stop()));
    await leases.quit().catch(() => undefined);
    await proxy?.stop();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function table(results: Figures[]): string {
  const rows: [string, (f: Figures) => string][] = [
    ['players served', (f) => String(f.players)],
    ['accepted commands/s', (f) => f.commandsPerSec.toFixed(0)],
    ['command round trip p50 (ms)', (f) => f.p50.toFixed(1)],
    ['command round trip p99 (ms)', (f) => f.p99.toFixed(1)],
    ['rooms on the killed node', (f) => String(f.failoverRooms)],
    ['failover median (ms)', (f) => f.failoverMedian.toFixed(0)],
    ['failover worst (ms)', (f) => f.failoverMax.toFixed(0)],
  ];
  const head = ['', ...results.map((f) => `${f.nodes} node${f.nodes > 1 ? 's' : ''}`)];
  const body = rows.map(([label, pick]) => [label, ...results.map(pick)]);
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((r) => r[i]!.length)));
  return [head, ...body].map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('   ')).join('\n');
}

async function main(): Promise<void> {
  const missing = missingServices();
  if (missing) {
    console.log(`bench:cluster needs redis-server and nginx: ${missing}`);
    process.exit(1);
  }
  const postgres = findPgBinaries() ? await startPgCluster() : null;
  console.log(`bench:cluster: ${SESSIONS} sessions × ${PLAYERS} players, a move every ~${TICK_MS} ms each, ${SECONDS} s measured per setup; store: ${postgres ? 'PostgreSQL (throw-away cluster)' : 'one SQLite file (PostgreSQL is not installed)'}`);
  const results: Figures[] = [];
  try {
    for (const n of [1, 3]) results.push(await run(n, postgres));
  } finally {
    await postgres?.stop();
  }
  console.log('');
  console.log(table(results));
  console.log('');
  console.log('Round trip: a command sent until its ack, which the node sends after storing it and fanning the change out to every socket of the room.');
  console.log('Failover: kill -9 until the first command sent after the kill is accepted, per room of the dead node (1 node: restarted at once).');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
