import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, connect, signIn, startLiveServer, type LiveServer } from '../testing/live-server';
import { ViewTracker } from '../../shared/view-tracker';
import { waitFor } from '../testing/player-client';
import type { SeatView } from '../engine';

let live: LiveServer;
beforeAll(async () => {
  live = await startLiveServer();
});
afterAll(async () => {
  await live.stop();
});

describe('smoke', () => {
  it('a facilitator creates a session and a student joins it over the socket', async () => {
    const cookie = await signIn(live.url, live.dbPath, 'teacher@school.org');
    const api = apiClient(live.url, cookie);
    const created = await api.session.create.mutate({ scenarioId: 'cuban-missile-crisis' });
    expect(created.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    const socket = connect(live.url, { kind: 'join', room: created.code, name: 'Ana' });
    const tracker = new ViewTracker<SeatView>();
    socket.on('snapshot', (s) => tracker.snapshot(s));
    socket.on('patch', (p) => tracker.patch(p));
    socket.on('stream', (f) => tracker.stream(f));
    const welcome = await new Promise<{ token: string | null }>((resolve, reject) => {
      socket.on('welcome', resolve);
      socket.on('connect_error', reject);
    });
    expect(welcome.token).toBeTruthy();
    await waitFor(() => tracker.view !== null, 'the first snapshot');
    expect(tracker.view?.me.name).toBe('Ana');
    socket.close();
  });
});
