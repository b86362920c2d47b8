// Who may call the facilitator API: every session procedure refuses anonymous callers, students
// (who have no account, only a seat token) and other facilitators' sessions; admins run any
// session. And the account flows: login, logout, first-account setup, admin-only account creation.
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFacilitators, issueSetupToken } from '../auth/accounts';
import { gameOf, lastSeq, SCENARIO, type Api } from '../testing/game-setup';
import { apiClient, signIn, startLiveServer, type LiveServer } from '../testing/live-server';
import { PlayerClient } from '../testing/player-client';

const PASSWORD = 'correct horse battery'; // what signIn() gives every account it creates

let live: LiveServer;
let owner: Api;
let other: Api;
let admin: Api;
let sessionId: string;
let code: string;
const players: PlayerClient[] = [];

beforeAll(async () => {
  live = await startLiveServer();
  owner = apiClient(live.url, await signIn(live.url, live.dbPath, 'owner@school.org'));
  other = apiClient(live.url, await signIn(live.url, live.dbPath, 'other@school.org'));
  admin = apiClient(live.url, await signIn(live.url, live.dbPath, 'admin@school.org', true));
  ({ sessionId, code } = await owner.session.create.mutate({ scenarioId: SCENARIO, options: { leakSensitivity: 0 } }));
  for (let i = 1; i <= 6; i++) players.push(await PlayerClient.open(live.url, { kind: 'join', room: code, name: `Student ${i}` }));
}, 20_000);
afterAll(async () => {
  for (const p of players) p.close();
  await live.stop();
});

/** The appCode of a refusal, or OK; with tRPC's own code beside it. */
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

/** Every facilitator procedure of the session router, with input valid for session `id`. */
function procedures(id: string): Record<string, (api: Api) => Promise<unknown>> {
  return {
    scenarios: (api) => api.session.scenarios.query(),
    create: (api) => api.session.create.mutate({ scenarioId: SCENARIO }),
    list: (api) => api.session.list.query(),
    get: (api) => api.session.get.query({ sessionId: id }),
    lock: (api) => api.session.lock.mutate({ sessionId: id, locked: true }),
    deal: (api) => api.session.deal.mutate({ sessionId: id }),
    move: (api) => api.session.move.mutate({ sessionId: id, seatId: 's1', tableId: 't1', roleId: 'usa-spoiler' }),
    swap: (api) => api.session.swap.mutate({ sessionId: id, seatA: 's1', seatB: 's2' }),
    kick: (api) => api.session.kick.mutate({ sessionId: id, seatId: 's1' }),
    start: (api) => api.session.start.mutate({ sessionId: id }),
    pause: (api) => api.session.pause.mutate({ sessionId: id }),
    resume: (api) => api.session.resume.mutate({ sessionId: id }),
    extend: (api) => api.session.extend.mutate({ sessionId: id, seconds: 60 }),
    skip: (api) => api.session.skip.mutate({ sessionId: id }),
    end: (api) => api.session.end.mutate({ sessionId: id }),
    controlPost: (api) => api.session.controlPost.mutate({ sessionId: id, channelId: 't1:front', text: 'Control here.' }),
    broadcast: (api) => api.session.broadcast.mutate({ sessionId: id, text: 'Attention, please.' }),
    fireInject: (api) => api.session.fireInject.mutate({ sessionId: id, injectId: 'un-showdown' }),
    writeInject: (api) => api.session.writeInject.mutate({ sessionId: id, title: 'Flash', body: 'Something happened.', audience: 'all' }),
    leakMessage: (api) => api.session.leakMessage.mutate({ sessionId: id, messageId: 'm-whatever', form: 'quote' }),
    plantRumour: (api) => api.session.plantRumour.mutate({ sessionId: id, tableId: 't1', text: 'They say…', to: 'both' }),
    pauseTable: (api) => api.session.pause.mutate({ sessionId: id, tableId: 't1' }),
    replace: (api) => api.session.replace.mutate({ sessionId: id, seatId: 's1', newcomer: { name: 'Someone New' } }),
    fillWithBots: (api) => api.session.fillWithBots.mutate({ sessionId: id, count: 1 }),
    bots: (api) => api.session.bots.query({ sessionId: id }),
    presence: (api) => api.session.presence.query({ sessionId: id }),
    stopBots: (api) => api.session.stopBots.mutate({ sessionId: id }),
    joinAddress: (api) => api.session.joinAddress.query(),
  };
}

async function outcomes(api: Api, names?: string[]): Promise<Record<string, string>> {
  const all = procedures(sessionId);
  const chosen = names ?? Object.keys(all);
  const results = await Promise.all(chosen.map(async (name) => [name, await outcome(all[name]!(api))] as const));
  return Object.fromEntries(results);
}

const SESSION_SCOPED = Object.keys(procedures('x')).filter((n) => !['scenarios', 'create', 'list', 'joinAddress'].includes(n));
const everyone = (value: string, names = Object.keys(procedures('x'))) => Object.fromEntries(names.map((n) => [n, value]));

describe('the session router refuses', () => {
  it('anonymous callers: NOT_SIGNED_IN (UNAUTHORIZED) on every procedure', async () => {
    const before = lastSeq(live.server.runtime, sessionId);
    expect(await outcomes(apiClient(live.url))).toEqual(everyone('NOT_SIGNED_IN/UNAUTHORIZED'));
    expect(lastSeq(live.server.runtime, sessionId)).toBe(before);
  });

  it('students, who have no cookie, even when they pass their seat token as one', async () => {
    const token = players[0]!.welcome!.token!;
    const before = lastSeq(live.server.runtime, sessionId);
    for (const cookie of [`bc_session=${token}`, `bc_session=${encodeURIComponent(token)}; other=1`, `bc_seat=${token}`]) {
      expect(await outcomes(apiClient(live.url, cookie)), cookie).toEqual(everyone('NOT_SIGNED_IN/UNAUTHORIZED'));
    }
    expect(lastSeq(live.server.runtime, sessionId)).toBe(before);
  });

  it("another facilitator's session: UNKNOWN_SESSION, as if it did not exist", async () => {
    const before = lastSeq(live.server.runtime, sessionId);
    expect(await outcomes(other, SESSION_SCOPED)).toEqual(everyone('UNKNOWN_SESSION/NOT_FOUND', SESSION_SCOPED));
    expect(lastSeq(live.server.runtime, sessionId)).toBe(before);
    // The same answer as for a session that does not exist at all.
    const missing = await other.session.get.query({ sessionId: 'ses_doesnotexist' }).catch((e: Error) => e.message);
    const foreign = await other.session.get.query({ sessionId }).catch((e: Error) => e.message);
    expect(foreign).toBe(missing);
    // Their own listing does not show it; what is theirs works.
    expect((await other.session.list.query()).map((s) => s.sessionId)).not.toContain(sessionId);
    const theirs = await other.session.create.mutate({ scenarioId: SCENARIO });
    expect(await other.session.get.query({ sessionId: theirs.sessionId })).toMatchObject({ sessionId: theirs.sessionId, status: 'lobby' });
    expect(await outcome(owner.session.get.query({ sessionId: theirs.sessionId }))).toBe('UNKNOWN_SESSION/NOT_FOUND');
  });
});

describe('an administrator', () => {
  it("runs another facilitator's session from the lobby to the end", async () => {
    expect((await admin.session.list.query()).map((s) => s.sessionId)).toContain(sessionId);
    expect(await admin.session.get.query({ sessionId })).toMatchObject({ sessionId, code, status: 'lobby' });
    const run = async (name: string, call: Promise<unknown>) => expect(await outcome(call), name).toBe('OK');
    await run('lock', admin.session.lock.mutate({ sessionId, locked: true }));
    await run('deal', admin.session.deal.mutate({ sessionId }));
    const seats = () => Object.values(gameOf(live.server.runtime, sessionId).seats);
    const holder = (roleId: string) => seats().find((s) => s.roleId === roleId)!.id;
    await run('swap', admin.session.swap.mutate({ sessionId, seatA: holder('usa-leader'), seatB: holder('ussr-leader') }));
    // The lone spoiler's side is drawn at deal time: move it to the other side, then remove it.
    const spoiler = seats().find((s) => s.roleId === 'usa-spoiler' || s.roleId === 'ussr-spoiler')!;
    const otherSide = spoiler.roleId === 'usa-spoiler' ? 'ussr-spoiler' : 'usa-spoiler';
    await run('move', admin.session.move.mutate({ sessionId, seatId: spoiler.id, tableId: 't1', roleId: otherSide }));
    await run('kick', admin.session.kick.mutate({ sessionId, seatId: holder(otherSide) }));
    await run('start', admin.session.start.mutate({ sessionId }));
    await run('pause', admin.session.pause.mutate({ sessionId }));
    await run('resume', admin.session.resume.mutate({ sessionId }));
    await run('extend', admin.session.extend.mutate({ sessionId, seconds: 60 }));
    await run('controlPost', admin.session.controlPost.mutate({ sessionId, channelId: 't1:team:usa', text: 'Control to the US team.' }));
    const messageId = gameOf(live.server.runtime, sessionId).messages.at(-1)!.id;
    await run('leakMessage', admin.session.leakMessage.mutate({ sessionId, messageId, form: 'paraphrase' }));
    await run('broadcast', admin.session.broadcast.mutate({ sessionId, text: 'Attention, please.' }));
    await run('fireInject', admin.session.fireInject.mutate({ sessionId, injectId: 'un-showdown' }));
    await run('writeInject', admin.session.writeInject.mutate({ sessionId, title: 'Flash', body: 'For the US only.', audience: 'usa' }));
    await run('plantRumour', admin.session.plantRumour.mutate({ sessionId, tableId: 't1', text: 'They say…', to: 'journalists' }));
    await run('skip', admin.session.skip.mutate({ sessionId }));
    await run('end', admin.session.end.mutate({ sessionId }));
    expect(await owner.session.get.query({ sessionId })).toMatchObject({ status: 'ended' });
    expect(await outcome(admin.session.scenarios.query())).toBe('OK');
  });
});

describe('accounts', () => {
  const login = (url: string, email: string, password: string) =>
    fetch(`${url}/api/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });

  it('refuses a wrong password, and an unknown email alike, with BAD_CREDENTIALS', async () => {
    const wrong = await outcome(apiClient(live.url).auth.login.mutate({ email: 'owner@school.org', password: 'not the password' }));
    const unknown = await outcome(apiClient(live.url).auth.login.mutate({ email: 'nobody@school.org', password: PASSWORD }));
    expect(wrong).toBe('BAD_CREDENTIALS/UNAUTHORIZED');
    expect(unknown).toBe(wrong);
    const res = await login(live.url, 'owner@school.org', 'not the password');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('ends the login session on logout', async () => {
    const res = await login(live.url, 'owner@school.org', PASSWORD);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const api = apiClient(live.url, cookie);
    expect(await api.auth.me.query()).toMatchObject({ email: 'owner@school.org' });
    expect(await outcome(api.session.list.query())).toBe('OK');
    const out = await fetch(`${live.url}/api/trpc/auth.logout`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' } });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/bc_session=;.*Max-Age=0/);
    // The old cookie is dead, even if the browser kept it.
    expect(await api.auth.me.query()).toBeNull();
    expect(await outcome(api.session.list.query())).toBe('NOT_SIGNED_IN/UNAUTHORIZED');
  });

  it('lets only an administrator create facilitator accounts', async () => {
    const input = { email: 'new@school.org', password: 'a long enough password', isAdmin: false };
    expect(await outcome(apiClient(live.url).auth.createFacilitator.mutate(input))).toBe('NOT_SIGNED_IN/UNAUTHORIZED');
    expect(await outcome(owner.auth.createFacilitator.mutate({ ...input, isAdmin: true }))).toBe('NOT_ALLOWED/FORBIDDEN');
    expect(await outcome(owner.auth.listFacilitators.query())).toBe('NOT_ALLOWED/FORBIDDEN');
    expect(await admin.auth.createFacilitator.mutate(input)).toMatchObject({ email: 'new@school.org', isAdmin: false });
    expect((await login(live.url, 'new@school.org', 'a long enough password')).status).toBe(200);
  });
});

describe('first-account setup', () => {
  const setup = (url: string, token: string, email: string) =>
    fetch(`${url}/api/trpc/auth.setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, email, password: PASSWORD }) });
  const appCode = async (res: Response) => ((await res.json()) as { error?: { data?: { appCode?: string } } }).error?.data?.appCode ?? 'OK';
  const storesOf = (server: LiveServer) => server.server.stores!;

  it('creates the first administrator with the setup token, exactly once', async () => {
    const empty = await startLiveServer();
    try {
      const token = await issueSetupToken(storesOf(empty).setupTokens);
      expect(await appCode(await setup(empty.url, 'A'.repeat(43), 'first@school.org'))).toBe('BAD_SETUP_TOKEN');
      const res = await setup(empty.url, token, 'first@school.org');
      expect(res.status).toBe(200);
      const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
      expect(await apiClient(empty.url, cookie).auth.me.query()).toMatchObject({ email: 'first@school.org', isAdmin: true });
      expect(await appCode(await setup(empty.url, token, 'second@school.org'))).toBe('BAD_SETUP_TOKEN');
      const late = await issueSetupToken(storesOf(empty).setupTokens);
      expect(await appCode(await setup(empty.url, late, 'third@school.org'))).toBe('BAD_SETUP_TOKEN');
      expect(await countFacilitators(storesOf(empty).accounts)).toBe(1);
    } finally {
      await empty.stop();
    }
  });

  it('creates one administrator when the setup link is used twice at the same moment', async () => {
    const empty = await startLiveServer();
    try {
      const token = await issueSetupToken(storesOf(empty).setupTokens);
      const answers = await Promise.all([setup(empty.url, token, 'one@school.org'), setup(empty.url, token, 'two@school.org')]);
      expect(answers.map((r) => r.status).sort()).toEqual([200, 400]);
      expect(await countFacilitators(storesOf(empty).accounts)).toBe(1);
    } finally {
      await empty.stop();
    }
  });
});
