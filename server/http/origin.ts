import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { Config } from '../config';

/**
 * Which browser origins may act on this server.
 *
 * - Listed ones: PUBLIC_ORIGIN and ALLOWED_ORIGINS.
 * - When PUBLIC_ORIGIN is set, that is the server's own origin and the Host header is not consulted.
 * - When it is not, the server's own origin is the one the Host header names, but only for an IP
 *   address or `localhost`: a DNS name in Host proves nothing, since an attacker's name can be
 *   re-pointed at this machine (DNS rebinding) and the browser then calls the attacker's page
 *   same-origin. A server reached by name must be told its name (PUBLIC_ORIGIN).
 */
export function originAllowed(origin: string, host: string | undefined, config: Pick<Config, 'publicOrigin' | 'allowedOrigins'>): boolean {
  if (config.allowedOrigins.includes(origin)) return true;
  if (config.publicOrigin !== undefined || host === undefined) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin !== origin || url.host !== host.toLowerCase()) return false;
  const name = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return name === 'localhost' || isIP(name) !== 0;
}

export type OriginVerdict = { ok: true } | { ok: false; origin: string; message: string };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The cross-site request forgery check for every request that may change something (any method but
 * GET, HEAD and OPTIONS).
 *
 * A browser sends Origin with every such request, same-origin or not, so it is checked whenever
 * present. A request without Origin does not come from a browser of this decade: it comes from a
 * program (the CLIs, bots, tests, curl), which holds its own cookie, if any, and which no other site
 * can make act on someone's behalf; it passes, unless Sec-Fetch-Site (sent only by browsers) says it
 * came from another site. The session cookie's SameSite=Lax covers older browsers.
 */
export function checkOrigin(req: IncomingMessage, config: Pick<Config, 'publicOrigin' | 'allowedOrigins'>): OriginVerdict {
  if (SAFE_METHODS.has(req.method ?? 'GET')) return { ok: true };
  const origin = req.headers.origin;
  if (origin !== undefined) {
    if (originAllowed(origin, req.headers.host, config)) return { ok: true };
    const hint = config.publicOrigin === undefined ? ' If this is the address people use for this server, set PUBLIC_ORIGIN to it.' : '';
    return { ok: false, origin, message: `Requests from ${origin} may not change anything on this server.${hint}` };
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { ok: false, origin: `(none; sec-fetch-site ${site})`, message: 'Requests from another site may not change anything on this server.' };
  }
  return { ok: true };
}
