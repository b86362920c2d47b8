import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../runtime/codes';
import { ManualTime } from '../runtime/manual-time';
import { builtInScenarios } from '../scenarios';
import { apiClient, appCodeOf, signIn, startLiveServer, type LiveServer } from '../testing/live-server';
import { exportSchema } from './export';
import { playBotSession, type PlayedSession } from './testing/bot-session';

/** The replay API over real HTTP on a real server: who may see what, downloads, deletion and retention. */
const DAY = 24 * 60 * 60 * 1000;
const time = new ManualTime(1_700_000_000_000);
let live: LiveServer;
let cookies: { owner: string; other: string; admin: string };
let finished: PlayedSession;
let other: PlayedSession;
const scenario = builtInScenarios()[0]!;

async function facilitatorId(email: string): Promise<string> {
  return (await live.server.stores!.accounts.byEmail(email))!.id;
}

async function play(email: string, end = true): Promise<PlayedSession> {
  const bench = { runtime: live.server.runtime!, time, facilitator: { id: await facilitatorId(email), email, isAdmin: false } };
  return playBotSession(bench, scenario, { players: 12, tables: 2, seed: 3, end, ...(end ? {} : { maxSteps: 40 }) });
}

async function codeOf(call: Promise<unknown>): Promise<string | undefined> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    return appCodeOf(error);
  }
}

beforeAll(async () => {
  live = await startLiveServer(undefined, { time });
  cookies = {
    owner: await signIn(live.url, live.dbPath, 'owner@example.org'),
    other: await signIn(live.url, live.dbPath, 'other@example.org'),
    admin: await signIn(live.url, live.dbPath, 'admin@example.org', true),
  };
  finished = await play('owner@example.org');
  other = await play('other@example.org');
}, 300_000);
afterAll(() => live?.stop());

describe('replay authorisation', () => {
  it("serves a session's replay to its facilitator and to an admin only, with a specific code for everyone else", async () => {
    const sessionId = finished.sessionId;
    const owner = apiClient(live.url, cookies.owner);
    const stranger = apiClient(live.url, cookies.other);
    const nobody = apiClient(live.url);
    const timeline = await owner.replay.timeline.query({ sessionId });
    expect(timeline.status).toBe('ended');
    expect(timeline.tables).toHaveLength(2);
    expect((await apiClient(live.url, cookies.admin).replay.timeline.query({ sessionId })).lastSeq).toBe(timeline.lastSeq);
    const calls = (api: typeof owner) => [
      api.replay.timeline.query({ sessionId }),
      api.replay.at.query({ sessionId, seq: 5, perspective: { kind: 'all' } }),
      api.replay.leaks.query({ sessionId }),
      api.replay.series.query({ sessionId }),
      api.replay.compare.query({ sessionId }),
      api.replay.supportLedger.query({ sessionId }),
      api.replay.classLink.get.query({ sessionId }),
      api.replay.classLink.set.mutate({ sessionId, enabled: true, reveal: { tables: 'all', backChannels: true, names: true } }),
      api.replay.exportLog.query({ sessionId }),
      api.replay.deleteSession.mutate({ sessionId }),
    ];
    expect(await Promise.all(calls(stranger).map(codeOf))).toEqual(Array(10).fill('UNKNOWN_SESSION'));
    expect(await Promise.all(calls(nobody).map(codeOf))).toEqual(Array(10).fill('NOT_SIGNED_IN'));
    expect(await codeOf(apiClient(live.url, cookies.owner).replay.timeline.query({ sessionId: finished.sessionId }))).toBe('ok');
  });

  it('names a moment, a seat or a table that does not exist', async () => {
    const owner = apiClient(live.url, cookies.owner);
    const sessionId = finished.sessionId;
    const { lastSeq } = await owner.replay.timeline.query({ sessionId });
    expect(await codeOf(owner.replay.at.query({ sessionId, seq: lastSeq + 1, perspective: { kind: 'all' } }))).toBe('SEQ_OUT_OF_RANGE');
    expect(await codeOf(owner.replay.at.query({ sessionId, seq: 1, perspective: { kind: 'seat', seatId: 'nobody-here' } }))).toBe('UNKNOWN_SEAT');
    expect(await codeOf(owner.replay.at.query({ sessionId, seq: 1, perspective: { kind: 'table', tableId: 't99' } }))).toBe('UNKNOWN_TABLE');
    expect(await codeOf(owner.replay.classLink.set.mutate({ sessionId, enabled: true, reveal: { tables: ['t99'], backChannels: false, names: false } }))).toBe('UNKNOWN_TABLE');
    const seat = finished.seats[0]!.seatId;
    const moment = await owner.replay.at.query({ sessionId, seq: lastSeq, perspective: { kind: 'seat', seatId: seat } });
    expect(moment.perspective).toEqual({ kind: 'seat', seatId: seat });
  });
});

describe('the class link', () => {
  it('opens only while on, shows what was revealed, and lets a student with their seat token replay their own seat', async () => {
    const owner = apiClient(live.url, cookies.owner);
    const anyone = apiClient(live.url);
    const sessionId = finished.sessionId;
    const link = await owner.replay.classLink.set.mutate({ sessionId, enabled: false, reveal: { tables: ['t1'], backChannels: false, names: false } });
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const token = link.token!;
    expect(await codeOf(anyone.replay.classView.query({ token }))).toBe('CLASS_LINK_OFF');
    expect(await codeOf(anyone.replay.classView.query({ token: 'x'.repeat(43) }))).toBe('UNKNOWN_CLASS_LINK');
    expect(await codeOf(anyone.replay.mySeat.query({ token, seatToken: finished.seats[0]!.token }))).toBe('CLASS_LINK_OFF');

    const on = await owner.replay.classLink.set.mutate({ sessionId, enabled: true, reveal: { tables: ['t1'], backChannels: false, names: false } });
    expect(on.token).toBe(token);
    expect(await owner.replay.classLink.get.query({ sessionId })).toEqual(on);
    const view = await anyone.replay.classView.query({ token });
    expect(view.tables.map((t) => t.tableId)).toEqual(['t1']);
    expect(view.tables[0]!.channels.every((c) => c.kind === 'front')).toBe(true);
    expect(JSON.stringify(view).includes('Student-')).toBe(false);

    const mine = await anyone.replay.mySeat.query({ token, seatToken: finished.seats[2]!.token });
    expect(mine.view.me.seatId).toBe(finished.seats[2]!.seatId);
    expect(mine.view.supportLedger).not.toBeNull();
    expect(await codeOf(anyone.replay.mySeat.query({ token, seatToken: other.seats[0]!.token }))).toBe('UNKNOWN_SEAT_TOKEN');
    expect(await codeOf(anyone.replay.mySeat.query({ token, seatToken: 'y'.repeat(43) }))).toBe('UNKNOWN_SEAT_TOKEN');
  });
});

describe('downloads', () => {
  const get = (path: string, cookie?: string) => fetch(`${live.url}${path}`, { headers: cookie ? { cookie } : {} });

  it("serve the log and the transcript to the session's facilitator only", async () => {
    const base = `/api/export/${finished.sessionId}`;
    const anonymous = await get(`${base}/events.json`);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.data.appCode).toBe('NOT_SIGNED_IN');
    const stranger = await get(`${base}/transcript.csv`, cookies.other);
    expect(stranger.status).toBe(404);
    expect((await stranger.json()).error.data.appCode).toBe('UNKNOWN_SESSION');

    const log = await get(`${base}/events.json`, cookies.owner);
    expect(log.status).toBe(200);
    expect(log.headers.get('content-disposition')).toMatch(/attachment; filename="backchannel-.*-events\.json"/);
    const file = exportSchema.parse(await log.json());
    const csv = await get(`${base}/transcript.csv?names=0`, cookies.owner);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await csv.text()).includes('Student-')).toBe(false);

    // The file imports into a finished session of the importer, which replays the same.
    const owner = apiClient(live.url, cookies.owner);
    const imported = await owner.replay.import.mutate({ file });
    expect((await owner.session.list.query()).find((s) => s.sessionId === imported.sessionId)?.status).toBe('ended');
    const [a, b] = await Promise.all([owner.replay.compare.query({ sessionId: finished.sessionId }), owner.replay.compare.query({ sessionId: imported.sessionId })]);
    expect(b).toEqual(a);
    expect(await codeOf(owner.replay.import.mutate({ file: { ...file, version: 9 } }))).toBe('INVALID_EXPORT');
  });
});

describe('sessions over time', () => {
  it('refuses to delete a running session, then deletes an ended one with all its data', async () => {
    const running = await play('owner@example.org', false);
    const owner = apiClient(live.url, cookies.owner);
    expect(await codeOf(owner.replay.deleteSession.mutate({ sessionId: running.sessionId }))).toBe('SESSION_RUNNING');
    await owner.session.end.mutate({ sessionId: running.sessionId });
    // Before: the store holds its seat tokens (so the check after the deletion can fail).
    expect(await live.server.stores!.events.seatForToken(running.sessionId, hashToken(running.seats[0]!.token))).toBe(running.seats[0]!.seatId);
    await owner.replay.classLink.set.mutate({ sessionId: running.sessionId, enabled: true, reveal: { tables: 'all', backChannels: false, names: false } });
    expect(await owner.replay.deleteSession.mutate({ sessionId: running.sessionId })).toEqual({ ok: true });
    expect(await codeOf(owner.replay.timeline.query({ sessionId: running.sessionId }))).toBe('UNKNOWN_SESSION');
    // Nothing of it is left in the store: no session, no events, no seat that a token opens, no class link.
    const stores = live.server.stores!;
    expect(await stores.events.findSession({ id: running.sessionId })).toBeUndefined();
    expect(await stores.events.load(running.sessionId)).toEqual([]);
    for (const seat of running.seats) expect(await stores.events.seatForToken(running.sessionId, hashToken(seat.token))).toBeUndefined();
    expect(await stores.classLinks.bySession(running.sessionId)).toBeUndefined();
  });

  it('lets an admin set how long finished sessions are kept, and the sweep deletes older ones', async () => {
    const owner = apiClient(live.url, cookies.owner);
    const admin = apiClient(live.url, cookies.admin);
    expect(await codeOf(owner.replay.retention.set.mutate({ days: 1 }))).toBe('NOT_ALLOWED');
    expect(await admin.replay.retention.get.query()).toEqual({ days: null });
    expect(await admin.replay.retention.set.mutate({ days: 30 })).toEqual({ days: 30 });
    time.advance(2 * DAY);
    expect(await codeOf(owner.replay.timeline.query({ sessionId: finished.sessionId }))).toBe('ok');
    await admin.replay.retention.set.mutate({ days: 1 });
    time.advance(2 * 60 * 60 * 1000);
    // The sweep fired on the clock; its deletions are asynchronous: wait until the store has done them.
    const stores = live.server.stores!;
    for (let i = 0; i < 1000 && (await stores.events.findSession({ id: other.sessionId })); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await codeOf(owner.replay.timeline.query({ sessionId: finished.sessionId }))).toBe('UNKNOWN_SESSION');
    expect(await codeOf(apiClient(live.url, cookies.other).replay.timeline.query({ sessionId: other.sessionId }))).toBe('UNKNOWN_SESSION');
  });
});
