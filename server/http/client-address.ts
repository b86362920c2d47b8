import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/**
 * Which TCP peers are our own reverse proxies. Behind nginx every connection comes from the proxy's
 * address, so the limits kept per address (sign-in throttle, joins per address and room, resyncs)
 * would lump a whole school together; the proxy's `X-Forwarded-For` says who the client is. It is
 * believed only from peers listed in TRUST_PROXY, never from the open internet, where anyone can
 * write that header. Parsing and the walk along the header are `proxy-addr`'s (Express uses it).
 */
export type TrustProxy = (address: string, hop: number) => boolean;

export const TRUST_PROXY_FORMS = "a comma-separated list of IP addresses, CIDR ranges, or 'loopback', 'linklocal', 'uniquelocal'";

/** `undefined`/empty: trust no proxy (the TCP peer is the client). Throws a one-line message on a bad entry. */
export function parseTrustProxy(value: string | undefined): TrustProxy | null {
  const entries = (value ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  try {
    return proxyaddr.compile(entries);
  } catch (error) {
    throw new Error(`TRUST_PROXY must be ${TRUST_PROXY_FORMS}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The client's address: the TCP peer, or, when that peer is a trusted proxy, the nearest address in
 * `X-Forwarded-For` that is not itself a trusted proxy.
 */
export function clientAddress(req: IncomingMessage, trust: TrustProxy | null): string {
  if (!trust) return req.socket.remoteAddress ?? 'unknown';
  if (!req.socket.remoteAddress) return 'unknown';
  return proxyaddr(req, trust);
}
