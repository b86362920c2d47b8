import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Stores } from '../stores/ports';
import { facilitatorForToken, readCookie, SESSION_COOKIE } from '../auth/accounts';
import { ownedSession } from '../replay/access';
import { exportLog } from '../replay/export';
import { SessionReplay } from '../replay/service';
import { transcriptCsv } from '../replay/transcript';

/** Where the downloads live: /api/export/SESSION_ID/events.json and …/transcript.csv[?names=0]. */
export const EXPORT_BASE_PATH = '/api/export/';

function refuse(res: ServerResponse, status: number, appCode: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify({ error: { message, data: { appCode, httpStatus: status } } }));
}

/**
 * The facilitator's downloads of a session: the event log (JSON) and the transcript (CSV). The
 * login cookie decides, as for the API: not signed in, 401; another's session or none, 404.
 */
export async function handleExport(req: IncomingMessage, res: ServerResponse, stores: Stores, now: () => number = Date.now): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'METHOD_NOT_ALLOWED', 'Downloads are fetched with GET.');
  const url = new URL(req.url ?? '/', 'http://localhost');
  const match = /^\/api\/export\/([A-Za-z0-9_-]{1,64})\/(events\.json|transcript\.csv)$/.exec(url.pathname);
  if (!match) return refuse(res, 404, 'NOT_FOUND', 'There is no such download.');
  const facilitator = await facilitatorForToken(stores.accounts, readCookie(req.headers.cookie, SESSION_COOKIE));
  if (!facilitator) return refuse(res, 401, 'NOT_SIGNED_IN', 'Sign in as a facilitator first.');
  const row = await ownedSession(stores.events, facilitator, match[1]!);
  if (!row) return refuse(res, 404, 'UNKNOWN_SESSION', 'You have no such session.');
  const replay = await SessionReplay.open(stores.events, row.id, row.createdAt);
  const stamp = new Date(row.createdAt).toISOString().slice(0, 10);
  const headers = (type: string, name: string) => ({ 'content-type': type, 'content-disposition': `attachment; filename="backchannel-${row.code}-${stamp}-${name}"`, 'cache-control': 'no-store' });
  if (match[2] === 'events.json') {
    res.writeHead(200, headers('application/json; charset=utf-8', 'events.json')).end(JSON.stringify(exportLog(replay.log, row, now()), null, 1));
    return;
  }
  const names = url.searchParams.get('names') !== '0';
  res.writeHead(200, headers('text/csv; charset=utf-8', names ? 'transcript.csv' : 'transcript-anonymous.csv')).end(transcriptCsv(replay.log, { names }));
}
