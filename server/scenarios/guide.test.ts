// Teacher's guides are data: each built-in scenario has one (docs/teaching/<id>.yaml) that passes
// the schema and the cross-checks against its scenario; broken guides are refused with the path
// of each error; the API serves them to facilitators only.
import { readFileSync } from 'node:fs';
import { TRPCClientError } from '@trpc/client';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { builtInScenarios } from '.';
import { CLASS_MINUTES, guidePath, loadGuide, parseGuide, SEED_POINTS } from './guide';
import { apiClient, signIn, startLiveServer } from '../testing/live-server';

const cuban = builtInScenarios().find((s) => s.id === 'cuban-missile-crisis')!;
const cubanGuide = () => parseYaml(readFileSync(guidePath('cuban-missile-crisis'), 'utf8')) as Record<string, unknown>;
const errorsOf = (data: unknown) => {
  const result = parseGuide(data, cuban);
  return result.ok ? [] : result.errors;
};

describe('the built-in guides', () => {
  it.each(builtInScenarios().map((s) => [s.id, s] as const))('%s has a valid guide', (_id, scenario) => {
    const guide = loadGuide(scenario);
    expect(guide).not.toBeNull();
    expect(guide!.timing.reduce((sum, b) => sum + b.minutes, 0)).toBe(CLASS_MINUTES);
    expect(guide!.debrief).toHaveLength(3);
    // Every objective cites a point the reading makes, and together they cover the reading's main points.
    const cited = new Set(guide!.objectives.flatMap((o) => o.seedPoints));
    for (const point of ['escape-the-audience', 'temporary-protection', 'go-public'] as const) expect(cited, `${scenario.id} cites ${point}`).toContain(point);
  });
});

describe('a broken guide', () => {
  it('is refused with the path of each error', () => {
    const base = cubanGuide();
    const timing = (base.timing as { minutes: number }[]).map((b, i) => (i === 0 ? { ...b, minutes: b.minutes + 5 } : b));
    expect(errorsOf({ ...base, timing })).toEqual([{ path: 'timing', message: `The timing plan must add up to ${CLASS_MINUTES} minutes` }]);
    expect(errorsOf({ ...base, debrief: (base.debrief as unknown[]).slice(0, 2) })[0]?.path).toBe('debrief');
    const objectives = [{ ...(base.objectives as object[])[0], seedPoints: ['back-channels-are-always-good'] }, ...(base.objectives as object[]).slice(1)];
    expect(errorsOf({ ...base, objectives })[0]?.path).toBe('objectives.0.seedPoints.0');
    expect(errorsOf({ ...base, surprise: true })[0]?.message).toMatch(/surprise/);
  });

  it('is refused when it names an inject or a role the scenario does not have, or a balance row is too short', () => {
    const base = cubanGuide();
    const injects = [{ injectId: 'alien-invasion', when: 'now', why: 'why not' }];
    expect(errorsOf({ ...base, injects })).toEqual([{ path: 'injects[0].injectId', message: '"alien-invasion" is not an inject of cuban-missile-crisis' }]);
    const setup = [{ ...(base.setup as object[])[0], rolesThatMatter: ['usa-president'] }, ...(base.setup as object[]).slice(1)];
    expect(errorsOf({ ...base, setup })[0]).toEqual({ path: 'setup[0].rolesThatMatter[0]', message: '"usa-president" is not a role of cuban-missile-crisis' });
    const balance = { ...(base.balance as object), rows: [{ strategy: 'seeds-path', values: ['305'] }] };
    expect(errorsOf({ ...base, balance })[0]?.path).toBe('balance.rows[0].values');
    expect(errorsOf({ ...base, scenarioId: 'oslo-back-channel' })[0]?.path).toBe('scenarioId');
  });

  it('names the seed points it may cite', () => {
    expect(Object.keys(SEED_POINTS)).toContain('circumvent-preconditions');
  });
});

describe('scenario.guide', () => {
  it('serves a built-in scenario’s guide to a facilitator, and refuses others', async () => {
    const live = await startLiveServer();
    try {
      const api = apiClient(live.url, await signIn(live.url, live.dbPath, 'guide@school.org'));
      const guide = await api.scenario.guide.query({ scenarioId: 'oslo-back-channel' });
      expect(guide?.scenarioId).toBe('oslo-back-channel');
      expect(guide?.debrief).toHaveLength(3);
      const code = (e: unknown) => (e instanceof TRPCClientError ? (e.data as { appCode?: string }).appCode : String(e));
      expect(await api.scenario.guide.query({ scenarioId: 'no-such-scenario' }).catch(code)).toBe('UNKNOWN_SCENARIO');
      expect(await apiClient(live.url).scenario.guide.query({ scenarioId: 'oslo-back-channel' }).catch(code)).toBe('NOT_SIGNED_IN');
    } finally {
      await live.stop();
    }
  }, 30_000);
});
