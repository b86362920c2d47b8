import { Socket } from 'node:net';
import { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustProxy } from './client-address';

function request(peer: string | undefined, forwardedFor?: string): IncomingMessage {
  const socket = new Socket();
  Object.defineProperty(socket, 'remoteAddress', { value: peer });
  const req = new IncomingMessage(socket);
  if (forwardedFor !== undefined) req.headers['x-forwarded-for'] = forwardedFor;
  return req;
}

describe('the client address behind a reverse proxy', () => {
  it('is the TCP peer when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientAddress(request('203.0.113.9', '198.51.100.1'), parseTrustProxy(undefined))).toBe('203.0.113.9');
    expect(clientAddress(request('203.0.113.9', '198.51.100.1'), parseTrustProxy(''))).toBe('203.0.113.9');
  });

  it('is the forwarded client when the peer is a trusted proxy', () => {
    const trust = parseTrustProxy('loopback');
    expect(clientAddress(request('127.0.0.1', '198.51.100.1'), trust)).toBe('198.51.100.1');
  });

  it('skips trusted hops but never believes a hop the client wrote itself', () => {
    const trust = parseTrustProxy('127.0.0.1, 10.0.0.0/8');
    // The client forged "1.1.1.1"; the edge proxy 10.1.2.3 appended the real 198.51.100.7, then nginx on loopback.
    expect(clientAddress(request('127.0.0.1', '1.1.1.1, 198.51.100.7, 10.1.2.3'), trust)).toBe('198.51.100.7');
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(clientAddress(request('203.0.113.9', '198.51.100.1'), parseTrustProxy('loopback'))).toBe('203.0.113.9');
  });

  it('keeps the proxy itself when the header is missing', () => {
    expect(clientAddress(request('127.0.0.1'), parseTrustProxy('loopback'))).toBe('127.0.0.1');
  });

  it('refuses a malformed TRUST_PROXY with a message naming the variable', () => {
    expect(() => parseTrustProxy('loopback, not-an-address')).toThrow(/^TRUST_PROXY must be .*not-an-address/);
  });
});
