// Accounts: an admin removes facilitators and resets passwords; every facilitator changes their
// own password with the current one. Each ends the logins it should, and their open god-view
// sockets with them; each refusal comes with its code. (Signing out ending that login's sockets
// is tested in server/realtime/facilitator-sockets.test.ts.)
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGame, type Game } from '../testing/game-setup';
import { apiClient, signIn, startLiveServer, type LiveServer } from '../testing/live-server';
import { PlayerClient, waitFor } from '../testing/player-client';

const PASSWORD = 'correct horse battery'; // what signIn() gives every account it creates

let live: LiveServer;
let admin: ReturnType<typeof apiClient>;
let adminId: string;

beforeAll(async () => {
  live = await startLiveServer();
  admin = apiClient(live.url, await signIn(live.url, live.dbPath, 'head@school.org', true));
  adminId = (await admin.auth.me.query())!.id;
});
afterAll(async () => {
  await live.stop();
});

async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    const data = error.data as { appCode?: string; code?: string } | undefined;
    return `${data?.appCode ?? '?'}/${data?.code ?? '?'}`;
  }
}

/** Signs in over HTTP with a password; the cookie, or null if refused. */
async function login(email: string, password: string): Promise<string | null> {
  const res = await fetch(`${live.url}/api/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  return res.ok ? res.headers.get('set-cookie')!.split(';')[0]! : null;
}

const idOf = async (email: string) => (await admin.auth.listFacilitators.query()).find((f) => f.email === email)!.id;
const godView = (game: Game, cookie: string, label: string) => PlayerClient.open(live.url, { kind: 'facilitator', sessionId: game.sessionId }, { cookie, label });

describe('changing one’s own password', () => {
  it('needs the current password, ends the account’s other logins and their sockets, and keeps this one', async () => {
    const game = await startGame(live, { players: 4, email: 'changer@school.org', prefix: 'C' });
    const laptopCookie = (await login('changer@school.org', PASSWORD))!;
    const laptopSocket = await godView(game, laptopCookie, 'laptop');
    const me = apiClient(live.url, game.cookie);

    expect(await outcome(me.auth.changePassword.mutate({ currentPassword: 'not my password', newPassword: 'a brand new passphrase' }))).toBe('WRONG_PASSWORD/BAD_REQUEST');
    expect(await outcome(me.auth.changePassword.mutate({ currentPassword: PASSWORD, newPassword: 'short' }))).toBe('PASSWORD_TOO_SHORT/BAD_REQUEST');
    expect(await outcome(me.auth.changePassword.mutate({ currentPassword: PASSWORD, newPassword: PASSWORD }))).toBe('SAME_PASSWORD/BAD_REQUEST');
    expect(laptopSocket.disconnected).toBe(false);
    expect(await outcome(apiClient(live.url).auth.changePassword.mutate({ currentPassword: PASSWORD, newPassword: 'a brand new passphrase' }))).toBe('NOT_SIGNED_IN/UNAUTHORIZED');

    expect(await outcome(me.auth.changePassword.mutate({ currentPassword: PASSWORD, newPassword: 'a brand new passphrase' }))).toBe('OK');
    await waitFor(() => laptopSocket.disconnected, 'the other login’s socket to end');
    expect(laptopSocket.removed).toMatch(/sign-in has ended/);
    expect(await apiClient(live.url, laptopCookie).auth.me.query()).toBeNull();
    expect((await me.auth.me.query())?.email).toBe('changer@school.org');
    expect(await login('changer@school.org', PASSWORD)).toBeNull();
    expect(await login('changer@school.org', 'a brand new passphrase')).not.toBeNull();
    for (const p of game.players) p.close();
  }, 60_000);
});

describe('an admin resetting a password', () => {
  it('sets the new password and ends every login of that account, sockets included', async () => {
    const game = await startGame(live, { players: 4, email: 'forgetful@school.org', prefix: 'F' });
    const socket = await godView(game, game.cookie, 'forgetful');
    const id = await idOf('forgetful@school.org');

    expect(await outcome(apiClient(live.url, game.cookie).auth.resetPassword.mutate({ facilitatorId: adminId, password: 'taking over the admin' }))).toBe('NOT_ALLOWED/FORBIDDEN');
    expect(await outcome(admin.auth.resetPassword.mutate({ facilitatorId: 'fac_nobody', password: 'a long enough one' }))).toBe('UNKNOWN_FACILITATOR/NOT_FOUND');
    expect(await outcome(admin.auth.resetPassword.mutate({ facilitatorId: id, password: 'short' }))).toBe('PASSWORD_TOO_SHORT/BAD_REQUEST');
    expect(await outcome(admin.auth.resetPassword.mutate({ facilitatorId: adminId, password: 'a long enough one' }))).toBe('CANNOT_REMOVE_SELF/FORBIDDEN');
    expect(socket.disconnected).toBe(false);

    expect(await outcome(admin.auth.resetPassword.mutate({ facilitatorId: id, password: 'given by the admin' }))).toBe('OK');
    await waitFor(() => socket.disconnected, 'the reset account’s socket to end');
    expect(await apiClient(live.url, game.cookie).auth.me.query()).toBeNull();
    expect(await login('forgetful@school.org', PASSWORD)).toBeNull();
    expect(await login('forgetful@school.org', 'given by the admin')).not.toBeNull();
    for (const p of game.players) p.close();
  }, 60_000);
});

describe('an admin removing a facilitator', () => {
  it('removes the account, ends its logins and sockets, and keeps its sessions under the admin', async () => {
    const game = await startGame(live, { players: 4, email: 'leaving@school.org', prefix: 'L' });
    const socket = await godView(game, game.cookie, 'leaving');
    const id = await idOf('leaving@school.org');
    const colleague = apiClient(live.url, await signIn(live.url, live.dbPath, 'colleague@school.org'));

    expect(await outcome(colleague.auth.removeFacilitator.mutate({ facilitatorId: id }))).toBe('NOT_ALLOWED/FORBIDDEN');
    expect(await outcome(apiClient(live.url).auth.removeFacilitator.mutate({ facilitatorId: id }))).toBe('NOT_SIGNED_IN/UNAUTHORIZED');
    expect(await outcome(admin.auth.removeFacilitator.mutate({ facilitatorId: adminId }))).toBe('CANNOT_REMOVE_SELF/FORBIDDEN');
    expect(await outcome(admin.auth.removeFacilitator.mutate({ facilitatorId: 'fac_nobody' }))).toBe('UNKNOWN_FACILITATOR/NOT_FOUND');
    expect(socket.disconnected).toBe(false);

    expect(await admin.auth.removeFacilitator.mutate({ facilitatorId: id })).toEqual({ ok: true, sessionsMoved: 1 });
    await waitFor(() => socket.disconnected, 'the removed account’s socket to end');
    expect((await admin.auth.listFacilitators.query()).map((f) => f.email)).not.toContain('leaving@school.org');
    expect(await login('leaving@school.org', PASSWORD)).toBeNull();
    expect(await live.server.runtime!.ownerOf(game.sessionId)).toBe(adminId);
    // The class goes on: the players' sockets were not touched.
    expect(game.players.every((p) => p.socket.connected)).toBe(true);
    for (const p of game.players) p.close();
  }, 60_000);
});
