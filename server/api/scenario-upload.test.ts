import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenarioText, summariseScenario } from '../scenarios/source';
import type { ScenarioError } from '../scenarios/schema';
import { apiClient, appCodeOf, signIn, startLiveServer, type LiveServer } from '../testing/live-server';

/**
 * Uploading scenarios through the real API (tRPC over HTTP, SQLite on disk): broken files come back
 * with the same precise errors as the CLI and store nothing; a valid file is stored for its author,
 * private unless shared, and can be previewed and run only by those who may see it.
 */

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../scenarios/fixtures');
const brokenDir = path.join(fixtures, 'broken');
const manifest = JSON.parse(readFileSync(path.join(brokenDir, 'expected.json'), 'utf8')) as {
  files: Record<string, Pick<ScenarioError, 'path' | 'message'>[]>;
};
const exampleText = readFileSync(path.join(fixtures, 'valid-example.yaml'), 'utf8');
const parsedExample = parseScenarioText(exampleText, 'yaml');
if (!parsedExample.ok) throw new Error('the valid example does not validate');
const example = parsedExample.scenario;

type Api = ReturnType<typeof apiClient>;

let live: LiveServer;
let author: Api;
let other: Api;
let anonymous: Api;

beforeAll(async () => {
  live = await startLiveServer();
  author = apiClient(live.url, await signIn(live.url, live.dbPath, 'author@school.org'));
  other = apiClient(live.url, await signIn(live.url, live.dbPath, 'colleague@school.org'));
  anonymous = apiClient(live.url);
});
afterAll(async () => {
  await live?.stop();
});

/** The error a call fails with: its tRPC code and the app's code. */
async function failure(call: Promise<unknown>): Promise<{ code: string | undefined; appCode: string | undefined; message: string }> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    return { code: (error.data as { code?: string } | undefined)?.code, appCode: appCodeOf(error), message: error.message };
  }
  throw new Error('expected the call to fail');
}

const refs = async (api: Api) => (await api.scenario.list.query()).map((s) => s.ref);

describe('scenario upload', () => {
  it.each(Object.entries(manifest.files))('rejects %s with its precise errors and stores nothing', async (file, expected) => {
    const before = await author.scenario.list.query();
    const text = readFileSync(path.join(brokenDir, file), 'utf8');
    const format = file.endsWith('.json') ? 'json' : 'yaml';
    const result = await author.scenario.upload.mutate({ text, format, shared: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [first] = expected;
    expect(result.errors[0]).toEqual({ path: first!.path, message: expect.stringContaining(first!.message) });
    for (const e of expected) expect(result.errors).toContainEqual({ path: e.path, message: expect.stringContaining(e.message) });
    // The same errors, in the same order, as `npm run scenario -- validate` prints.
    expect(result).toEqual(parseScenarioText(text, format));
    expect(await author.scenario.list.query()).toEqual(before);
    // Uploaded as shared: had anything been stored, a colleague would see it.
    expect((await other.scenario.list.query()).every((s) => s.source === 'built-in')).toBe(true);
  });

  let privateRef = '';

  it('stores a valid YAML file for its author and answers with its ref and summary', async () => {
    const result = await author.scenario.upload.mutate({ text: exampleText, format: 'yaml', shared: false });
    expect(result).toEqual({ ok: true, ref: expect.stringMatching(/^[^/]+\/harbour-ferry-strike$/), summary: summariseScenario(example) });
    if (!result.ok) return;
    privateRef = result.ref;
    expect(await author.scenario.list.query()).toContainEqual({
      ref: privateRef, id: example.id, title: example.title, period: example.period, summary: example.summary, source: 'mine', shared: false,
    });
    expect(await author.scenario.get.query({ ref: privateRef })).toEqual(example);
  });

  it('keeps a private upload out of another facilitator’s list and preview', async () => {
    expect(await refs(other)).not.toContain(privateRef);
    expect(await failure(other.scenario.get.query({ ref: privateRef }))).toMatchObject({ code: 'NOT_FOUND', appCode: 'UNKNOWN_SCENARIO' });
  });

  it('lets the author, and only the author, run a session of a private upload', async () => {
    const created = await author.session.create.mutate({ scenarioId: privateRef });
    expect(created.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    expect(await author.session.get.query({ sessionId: created.sessionId })).toMatchObject({ scenarioId: example.id, status: 'lobby' });
    expect(await failure(other.session.create.mutate({ scenarioId: privateRef }))).toMatchObject({ code: 'NOT_FOUND', appCode: 'UNKNOWN_SCENARIO' });
    expect(await other.session.list.query()).toEqual([]);
  });

  it('shows a shared upload to other facilitators, who can preview and run it', async () => {
    const text = exampleText.replace('id: harbour-ferry-strike', 'id: harbour-ferry-strike-shared');
    const result = await author.scenario.upload.mutate({ text, format: 'yaml', shared: true });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.ref).toBe(privateRef.replace(/harbour-ferry-strike$/, 'harbour-ferry-strike-shared'));
    expect(await author.scenario.list.query()).toContainEqual(expect.objectContaining({ ref: result.ref, source: 'mine', shared: true }));
    const seen = await other.scenario.list.query();
    expect(seen).toContainEqual(expect.objectContaining({ ref: result.ref, id: 'harbour-ferry-strike-shared', source: 'shared', shared: true }));
    expect(seen.map((s) => s.ref)).not.toContain(privateRef);
    expect((await other.scenario.get.query({ ref: result.ref })).id).toBe('harbour-ferry-strike-shared');
    const created = await other.session.create.mutate({ scenarioId: result.ref });
    expect(await other.session.get.query({ sessionId: created.sessionId })).toMatchObject({ scenarioId: 'harbour-ferry-strike-shared' });
  });

  it('refuses anonymous callers and stores nothing for them', async () => {
    const before = await refs(author);
    for (const call of [
      anonymous.scenario.list.query(),
      anonymous.scenario.get.query({ ref: privateRef }),
      anonymous.scenario.get.query({ ref: 'cuban-missile-crisis' }),
      anonymous.scenario.upload.mutate({ text: exampleText.replace('id: harbour-ferry-strike', 'id: anonymous-upload'), format: 'yaml', shared: true }),
      anonymous.session.create.mutate({ scenarioId: privateRef }),
    ]) {
      expect(await failure(call)).toMatchObject({ code: 'UNAUTHORIZED', appCode: 'NOT_SIGNED_IN' });
    }
    expect(await refs(author)).toEqual(before);
    expect((await refs(other)).some((r) => r.endsWith('/anonymous-upload'))).toBe(false);
  });
});
