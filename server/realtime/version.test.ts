// One protocol version constant, and a refusal that says who is behind: the client or the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, signIn, startLiveServer, type LiveServer } from '../testing/live-server';
import { PlayerClient, type Auth } from '../testing/player-client';
import { MIN_CLIENT_PROTOCOL_VERSION, PROTOCOL_VERSION } from '../../shared/version';

let live: LiveServer;
let code: string;
beforeAll(async () => {
  live = await startLiveServer();
  const api = apiClient(live.url, await signIn(live.url, live.dbPath, 'version@school.org'));
  ({ code } = await api.session.create.mutate({ scenarioId: 'cuban-missile-crisis' }));
});
afterAll(async () => {
  await live.stop();
});

const withVersion = (v: unknown): Auth => ({ kind: 'projector', room: code, v }) as unknown as Auth;

describe('protocol versions', () => {
  it('tells a client older than the server to reload (CLIENT_TOO_OLD)', async () => {
    const refusal = await PlayerClient.refusal(live.url, withVersion(MIN_CLIENT_PROTOCOL_VERSION - 1));
    expect(refusal.code).toBe('CLIENT_TOO_OLD');
    expect(refusal.message).toMatch(/reload/i);
  });

  it('tells a client newer than the server that the server needs an update (SERVER_TOO_OLD)', async () => {
    const refusal = await PlayerClient.refusal(live.url, withVersion(PROTOCOL_VERSION + 1));
    expect(refusal.code).toBe('SERVER_TOO_OLD');
    expect(refusal.message).toMatch(/server/i);
  });

  it('refuses a version that is not a number as a malformed handshake, naming the field', async () => {
    const refusal = await PlayerClient.refusal(live.url, withVersion(String(PROTOCOL_VERSION)));
    expect(refusal.code).toBe('INVALID_PAYLOAD');
    expect(refusal.message).toMatch(/\bv\b/);
  });

  it('lets the current version in', async () => {
    const projector = await PlayerClient.open(live.url, { kind: 'projector', room: code });
    expect(projector.welcome?.protocol).toBe(PROTOCOL_VERSION);
    projector.close();
  });
});
