import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config';

/** Browser features no screen of Backchannel uses; denied so that injected code cannot use them either. */
const DENIED_FEATURES = ['accelerometer', 'camera', 'geolocation', 'gyroscope', 'magnetometer', 'microphone', 'payment', 'usb'];

/** Anything that is not a page (the API, /healthz, errors): nothing to run, nothing to load. */
const NON_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The policy of a page. Scripts: our own files and the inline scripts Next writes into the page,
 * which carry this response's nonce (Next reads it from the request's CSP header; see
 * preparePageRequest). Styles allow inline style attributes, which React sets and which cannot run
 * code. The socket and the API are same-origin ('self' covers ws: and wss: there). In development
 * Next's hot reload needs eval.
 */
export function pagePolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Headers every response carries, set before anything else answers: no framing (clickjacking the
 * dashboard's "End session"), no MIME sniffing, no referrer to other sites (the room code is in the
 * path), no powerful features, and a strict policy that pages replace with their own.
 */
export function applySecurityHeaders(res: ServerResponse, config: Pick<Config, 'publicOrigin'>): void {
  res.setHeader('content-security-policy', NON_PAGE_POLICY);
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'same-origin');
  res.setHeader('permissions-policy', DENIED_FEATURES.map((feature) => `${feature}=()`).join(', '));
  res.setHeader('cross-origin-opener-policy', 'same-origin');
  // Only where the public address is HTTPS: over plain HTTP browsers ignore it, and a school
  // network's http://192.168.… must stay reachable.
  if (config.publicOrigin?.startsWith('https:')) res.setHeader('strict-transport-security', 'max-age=15552000');
}

/**
 * Gives a request for a page its own nonce: in the response's policy, and in the request's
 * `content-security-policy` header, where Next looks for it to put on the scripts it writes.
 * (A nonce sent by the client is overwritten, never reused.)
 */
export function preparePageRequest(req: IncomingMessage, res: ServerResponse, dev: boolean): string {
  const nonce = randomBytes(16).toString('base64');
  const policy = pagePolicy(nonce, dev);
  req.headers['content-security-policy'] = policy;
  delete req.headers['content-security-policy-report-only'];
  res.setHeader('content-security-policy', policy);
  return nonce;
}
