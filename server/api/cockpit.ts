import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import type { GameState } from '../engine';
import type { SessionRecord } from '../runtime/ports';

/** One row of the facilitator's session list: what the dashboard shows without opening a socket. */
export interface SessionSummary {
  sessionId: string;
  code: string;
  scenarioId: string;
  scenarioTitle: string;
  status: SessionRecord['status'];
  createdAt: number;
  startedAt: number | null;
  endedAt: number | null;
  /** Players in the room (active seats), and how many of them have a socket open now. */
  players: number;
  playersConnected: number;
  tables: number;
  /** The session's phase (the earliest a table still plays), null in the lobby and after the end. */
  phase: { index: number; id: string; title: string } | null;
  /** Where the finished session's debrief lives (issue 7). */
  debriefPath: string | null;
}

export function summarise(record: SessionRecord, state: GameState | undefined, connected: Set<string>): SessionSummary {
  const game = state?.created ? state : null;
  const active = game ? Object.values(game.seats).filter((s) => s.status === 'active') : [];
  const phase = game && game.status === 'running' ? game.scenario.phases[game.phaseIndex] : undefined;
  const status = game?.status ?? record.status;
  return {
    sessionId: record.id,
    code: record.code,
    scenarioId: record.scenarioId,
    scenarioTitle: game?.scenario.title ?? record.scenarioId,
    status,
    createdAt: record.createdAt,
    startedAt: game?.startedAt ?? null,
    endedAt: game?.endedAt ?? null,
    players: active.length,
    playersConnected: active.filter((s) => connected.has(s.id)).length,
    tables: game ? Object.keys(game.tables).length : 0,
    phase: phase && game ? { index: game.phaseIndex, id: phase.id, title: phase.title } : null,
    debriefPath: status === 'ended' ? `/facilitator/sessions/${record.id}/debrief` : null,
  };
}

export interface JoinAddress {
  /** The origin join links and QR codes use. */
  origin: string;
  /** Only this machine can open it: students' phones cannot. */
  loopback: boolean;
  /** This machine's addresses on the local network, as origins on the same port (best first). */
  lanOrigins: string[];
  /** What to do about a loopback origin, for people; null when the origin is reachable. */
  advice: string | null;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[?::1\]?|0\.0\.0\.0)$/i;

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK.test(hostname) || hostname.endsWith('.localhost');
}

/** Private IPv4 addresses first (what a classroom's Wi-Fi hands out), then other IPv4, then IPv6. */
function rank(a: NetworkInterfaceInfo): number {
  if (a.family !== 'IPv4') return 3;
  return /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(a.address) ? 0 : 1;
}

export function lanAddresses(interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces()): string[] {
  const all = Object.values(interfaces).flatMap((list) => list ?? []);
  return all
    .filter((a) => !a.internal && !(a.family === 'IPv6' && a.address.startsWith('fe80')))
    .sort((a, b) => rank(a) - rank(b))
    .map((a) => a.address);
}

/**
 * The join address and, when it is a loopback address, how to make it reachable: listen on every
 * interface (HOST=0.0.0.0) and set PUBLIC_ORIGIN to this machine's LAN address.
 */
export function joinAddress(origin: string, addresses: string[] = lanAddresses()): JoinAddress {
  const url = new URL(origin);
  const loopback = isLoopbackHost(url.hostname);
  const port = url.port ? `:${url.port}` : '';
  const lanOrigins = addresses.map((a) => `${url.protocol}//${a.includes(':') ? `[${a}]` : a}${port}`);
  let advice: string | null = null;
  if (loopback) {
    const example = lanOrigins[0];
    advice = example
      ? `The join address ${origin} only works on this computer; students' phones cannot reach it. Restart the server with HOST=0.0.0.0 PUBLIC_ORIGIN=${example} (this computer's address on the local network), and make sure the phones are on the same network.`
      : `The join address ${origin} only works on this computer; students' phones cannot reach it, and this computer has no local network address right now. Connect it to the classroom's network, then restart the server with HOST=0.0.0.0 and PUBLIC_ORIGIN=http://<this computer's address>${port}.`;
  }
  return { origin, loopback, lanOrigins, advice };
}
