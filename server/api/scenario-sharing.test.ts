// An upload's sharing changes after the upload: its author shares it with every facilitator or
// keeps it private again; nobody else can, and a built-in has no such switch.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, appCodeOf, signIn, startLiveServer, type LiveServer } from '../testing/live-server';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../scenarios/fixtures');
const exampleText = readFileSync(path.join(fixtures, 'valid-example.yaml'), 'utf8');

type Api = ReturnType<typeof apiClient>;
let live: LiveServer;
let author: Api;
let colleague: Api;

beforeAll(async () => {
  live = await startLiveServer();
  author = apiClient(live.url, await signIn(live.url, live.dbPath, 'sharer@school.org'));
  colleague = apiClient(live.url, await signIn(live.url, live.dbPath, 'colleague@school.org'));
});
afterAll(async () => {
  await live.stop();
});

const refsOf = async (api: Api) => (await api.scenario.list.query()).map((s) => s.ref);
const codeOf = async (call: Promise<unknown>) => call.then(() => 'no error', (e: unknown) => appCodeOf(e));

describe('changing who may use an upload', () => {
  it('shares a private upload, then keeps it private again, for every list and every use', async () => {
    const uploaded = await author.scenario.upload.mutate({ text: exampleText, format: 'yaml', shared: false });
    if (!uploaded.ok) throw new Error('the example did not upload');
    const ref = uploaded.ref;
    expect(await refsOf(colleague)).not.toContain(ref);

    expect(await author.scenario.setSharing.mutate({ ref, shared: true })).toEqual({ ref, shared: true });
    expect((await author.scenario.list.query()).find((s) => s.ref === ref)).toMatchObject({ source: 'mine', shared: true });
    expect((await colleague.scenario.list.query()).find((s) => s.ref === ref)).toMatchObject({ source: 'shared', shared: true });
    const { sessionId } = await colleague.session.create.mutate({ scenarioId: ref });
    expect(sessionId).toBeTruthy();

    // The colleague may use it, not change who may.
    expect(await codeOf(colleague.scenario.setSharing.mutate({ ref, shared: false }))).toBe('NOT_YOUR_UPLOAD');

    expect(await author.scenario.setSharing.mutate({ ref, shared: false })).toEqual({ ref, shared: false });
    expect((await author.scenario.list.query()).find((s) => s.ref === ref)).toMatchObject({ shared: false });
    expect(await refsOf(colleague)).not.toContain(ref);
    expect(await codeOf(colleague.scenario.get.query({ ref }))).toBe('UNKNOWN_SCENARIO');
    expect(await codeOf(colleague.session.create.mutate({ scenarioId: ref }))).toBe('UNKNOWN_SCENARIO');
    // Now private, it is as unknown to the colleague as a scenario that does not exist.
    expect(await codeOf(colleague.scenario.setSharing.mutate({ ref, shared: true }))).toBe('UNKNOWN_SCENARIO');
  });

  it('refuses built-ins, unknown refs, bad input and strangers, changing nothing', async () => {
    expect(await codeOf(author.scenario.setSharing.mutate({ ref: 'cuban-missile-crisis', shared: false }))).toBe('BUILT_IN_SCENARIO');
    expect(await codeOf(author.scenario.setSharing.mutate({ ref: 'nobody/nothing', shared: true }))).toBe('UNKNOWN_SCENARIO');
    expect(await codeOf(author.scenario.setSharing.mutate({ ref: '', shared: true }))).toBe('BAD_REQUEST');
    expect(await codeOf(apiClient(live.url).scenario.setSharing.mutate({ ref: 'x/y', shared: true }))).toBe('NOT_SIGNED_IN');
    expect((await colleague.scenario.list.query()).filter((s) => s.source !== 'built-in')).toEqual([]);
  });
});
