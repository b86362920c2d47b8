import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ScenarioError } from './schema';
import { formatOf, parseScenarioText, summariseScenario } from './source';

/**
 * The broken scenario files in fixtures/broken/ (each the valid example with a mistake or two) must come
 * back with the precise path and message listed in fixtures/broken/expected.json, from the parser
 * and from `npm run scenario -- validate`; the valid example (the one in docs/scenarios.md) passes.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const brokenDir = path.join(here, 'fixtures/broken');
const validExample = path.join(here, 'fixtures/valid-example.yaml');

type Expected = Pick<ScenarioError, 'path' | 'message'>;
const manifest = JSON.parse(readFileSync(path.join(brokenDir, 'expected.json'), 'utf8')) as { files: Record<string, Expected[]> };
const cases = Object.entries(manifest.files);

function parseFile(file: string) {
  return parseScenarioText(readFileSync(file, 'utf8'), formatOf(file));
}

function errorsOf(file: string): ScenarioError[] {
  const result = parseFile(file);
  if (result.ok) throw new Error(`${path.basename(file)} was accepted; it should have been rejected`);
  return result.errors;
}

/** Runs the CLI as an author would (`npm run scenario -- validate <file>` is `tsx scripts/scenario.ts validate <file>`). */
function runCli(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  return new Promise((resolve) => {
    execFile(process.execPath, [tsx, 'scripts/scenario.ts', 'validate', file], { cwd: root, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('the broken scenario fixtures', () => {
  it('are 10–14 JSON and YAML files, each listed in expected.json', () => {
    const files = readdirSync(brokenDir).filter((f) => f !== 'expected.json').sort();
    expect(files).toEqual(cases.map(([file]) => file).sort());
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(files.length).toBeLessThanOrEqual(14);
    expect(files.filter((f) => f.endsWith('.json')).length).toBeGreaterThanOrEqual(4);
    expect(files.filter((f) => f.endsWith('.yaml')).length).toBeGreaterThanOrEqual(4);
    for (const [file, expected] of cases) expect(expected.length, file).toBeGreaterThan(0);
  });

  it.each(cases)('%s is rejected with the expected path and message', (file, expected) => {
    const errors = errorsOf(path.join(brokenDir, file));
    const [first] = expected;
    expect(errors[0]?.path).toBe(first!.path);
    expect(errors[0]?.message).toContain(first!.message);
    for (const e of expected) {
      expect(errors, `${file}: ${e.path}`).toContainEqual({ path: e.path, message: expect.stringContaining(e.message) });
    }
  });
});

describe('the valid example (docs/scenarios.md)', () => {
  it('parses, with the summary the CLI and the upload print', () => {
    const result = parseFile(validExample);
    if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
    const s = result.scenario;
    expect(s.id).toBe('harbour-ferry-strike');
    expect(s.sides.map((x) => x.id)).toEqual(['city', 'union']);
    expect(summariseScenario(s)).toContain('Sides: City Hall vs Ferry Workers\' Union');
    expect(summariseScenario(s).join('\n')).toContain('tables of 4 to 10 players');
    // It shows every kind of objective condition the engine can score.
    const conditions = new Set(s.roles.flatMap((r) => r.objectives.map((o) => o.when.type)));
    expect([...conditions].sort()).toEqual([
      'accurateStories', 'backChannelsExposed', 'dealAnnounced', 'dealConcluded', 'escalationAtMost', 'inaccurateStories',
      'mobilised', 'noDeal', 'ownBackChannelsUnexposed', 'supportAtLeast', 'termAgreed', 'termKeptSecret',
    ]);
  });

  it('is the example printed in docs/scenarios.md, word for word', () => {
    const docs = readFileSync(path.join(root, 'docs/scenarios.md'), 'utf8');
    const example = readFileSync(validExample, 'utf8');
    expect(docs).toContain('```yaml\n' + example + '```');
  });
});

// Each test starts a tsx process, which takes several seconds on a busy machine: vitest's 5 s default
// would fail there, so allow what the child process itself is allowed (30 s) and more.
describe('npm run scenario -- validate', { timeout: 60_000 }, () => {
  it('prints each error with its path and exits 1 for a broken YAML file', async () => {
    const file = 'server/scenarios/fixtures/broken/two-leaders.yaml';
    const { code, stdout, stderr } = await runCli(file);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${file}: 1 error\n`);
    expect(stderr).toContain('  roles[2].kind: Side "city" already has a leader slot (roles[0]); every side needs exactly one\n');
  });

  it('prints every error of a broken JSON file and exits 1', async () => {
    const file = 'server/scenarios/fixtures/broken/objective-dangling.json';
    const { code, stderr } = await runCli(file);
    expect(code).toBe(1);
    expect(stderr).toContain(`${file}: 2 errors\n`);
    expect(stderr).toContain('  roles[1].objectives[1].when.optionId: Unknown option "raise-10" for issue "wages"; expected one of "raise-2", "raise-4", "raise-6"\n');
    expect(stderr).toContain('  roles[2].objectives[1].when.issueId: Unknown issue "pensions"; expected one of "wages", "penalties"\n');
  });

  it('prints the summary and exits 0 for the valid example', async () => {
    const file = 'server/scenarios/fixtures/valid-example.yaml';
    const { code, stdout, stderr } = await runCli(file);
    expect(stderr).not.toMatch(/error/i);
    expect(code).toBe(0);
    const result = parseFile(validExample);
    if (!result.ok) throw new Error('the example should be valid');
    expect(stdout).toBe([`${file} is a valid scenario.`, ...summariseScenario(result.scenario).map((l) => `  ${l}`)].join('\n') + '\n');
  });
});

// Bugs found while writing these tests (see the report): each asserts the behaviour the code promises.
describe('validation errors that should be better', () => {
  it('a JSON syntax error names its line and column, as YAML syntax errors do (source.ts promises both)', () => {
    // syntax-error.json has a trailing comma after `"initialSupport": 60`; the stray `}` is at line 17, column 5.
    const [error] = errorsOf(path.join(brokenDir, 'syntax-error.json'));
    expect(error?.path).toBe('');
    expect(error?.message).toMatch(/^Not valid JSON \(line 17, column 5\): /);
  });

  it('a list written as a string gets one error, not a second one about its length in characters', () => {
    const errors = errorsOf(path.join(brokenDir, 'wrong-types.json'));
    expect(errors).toEqual([
      { path: 'sides[0].initialSupport', message: 'Expected a number, received the string "55"' },
      { path: 'roles[6].brief.limits', message: 'Expected a list (array), received the string "Publish only what you can stand behind."' },
    ]);
  });

  it('a JSON file saved with a byte-order mark (Windows Notepad) is read like the same file without one', () => {
    const valid = parseFile(validExample);
    if (!valid.ok) throw new Error('the example should be valid');
    const json = JSON.stringify(valid.scenario, null, 2);
    expect(parseScenarioText(json, 'json').ok).toBe(true);
    const withBom = parseScenarioText(`\uFEFF${json}`, 'json');
    expect(withBom.ok ? [] : withBom.errors).toEqual([]);
    expect(withBom.ok && withBom.scenario).toEqual(valid.scenario);
  });
});
