import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * GET /healthz: 200 with the version once the server can serve (database open and migrated,
 * pages ready), 503 before and while shutting down, so a load balancer or a test waits.
 */
export function handleHealth(req: IncomingMessage, res: ServerResponse, state: { ready: boolean; version: string }): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const body = state.ready ? { ok: true, version: state.version } : { ok: false };
  res
    .writeHead(state.ready ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    .end(req.method === 'HEAD' ? undefined : JSON.stringify(body));
}
