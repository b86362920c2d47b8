// Every CLI in scripts/, run as a real process: --help prints the usage and exits 0; a wrong option
// or value prints one line saying what is wrong, then the usage, and exits 2; never a stack trace.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STRATEGY_NAMES } from '../server/balance/strategies';
import { projectRoot } from '../server/paths';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[]): Promise<Run> {
  return new Promise<Run>((resolve, reject) => {
    // DATABASE_URL points nowhere useful: a usage error must be caught before any database is opened.
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', script), ...args], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: '/nonexistent/dir/never-created.db' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts a CLI that runs until stopped, waits for `text` on its stdout, then stops it (SIGTERM to that child only). */
function runUntil(script: string, args: string[], text: string): Promise<Run> {
  return new Promise<Run>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', script), ...args], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.includes(text)) child.kill();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const CLIS = {
  bots: { script: 'bots.ts', usage: 'Usage: npm run bots -- --room <code> [options]' },
  facilitator: { script: 'facilitator.ts', usage: 'npm run facilitator -- create --email <email> --password <password> [--admin]' },
  scenario: { script: 'scenario.ts', usage: 'Usage: npm run scenario -- validate <file.json|file.yaml>' },
  bench: { script: 'bench.ts', usage: 'Usage: npm run bench -- [options]' },
  'bench:load': { script: 'bench-load/main.ts', usage: 'Usage: npm run bench:load -- [options]' },
  'pg:dev': { script: 'pg-dev.ts', usage: 'Usage: npm run pg:dev -- [options]' },
} as const;

/** A usage error: exit 2, nothing on stdout, the one-line reason first on stderr, then the usage. */
function expectUsageError(result: Run, name: keyof typeof CLIS, reason: string) {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const [first, blank, ...rest] = result.stderr.split('\n');
  expect(first).toBe(`npm run ${name}: ${reason}`);
  expect(blank).toBe('');
  expect(rest.join('\n')).toContain(CLIS[name].usage);
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
}

// Each case starts Node with tsx (a second or more on a busy machine).
describe('the CLIs', { timeout: 120_000 }, () => {
  for (const [name, { script, usage }] of Object.entries(CLIS)) {
    it(`npm run ${name} -- --help prints the usage and exits 0`, async () => {
      // -h is the same option; one CLI checks it, to save a process start per CLI.
      const results = await Promise.all([run(script, ['--help']), ...(name === 'bots' ? [run(script, ['-h'])] : [])]);
      for (const result of results) {
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout).toContain(usage);
        expect(result.stdout).toContain('-h, --help');
        expect(result.stderr).toBe('');
      }
    });

    it(`npm run ${name} -- --no-such-option says so in one line, prints the usage and exits 2`, async () => {
      expectUsageError(await run(script, ['--no-such-option']), name as keyof typeof CLIS, "Unknown option '--no-such-option'");
    });
  }

  it('checks the values, not only the names', async () => {
    const [noRoom, badCount, badPace, badCommand, noFile, badPlayers, oddPlayers, bothOnly] = await Promise.all([
      run('bots.ts', []),
      run('bots.ts', ['--room', 'ABC234', '--count', '0']),
      run('bots.ts', ['--room', 'ABC234', '--pace', 'slow']),
      run('facilitator.ts', ['create', '--email', 'a@school.org']),
      run('scenario.ts', ['validate']),
      run('bench.ts', ['--players', 'lots']),
      run('bench-load/main.ts', ['--players', '25']),
      run('bench-load/main.ts', ['--game-only', '--bare-only']),
    ]);
    expectUsageError(noRoom, 'bots', '--room is required');
    expectUsageError(badCount, 'bots', '--count must be a whole number from 1 to 200 (got "0")');
    expectUsageError(badPace, 'bots', '--pace must be human or fast (got "slow")');
    expectUsageError(badCommand, 'facilitator', 'create needs --email and --password');
    expectUsageError(noFile, 'scenario', 'validate needs a file');
    expectUsageError(badPlayers, 'bench', '--players must be a whole number from 4 to 200 (got "lots")');
    expectUsageError(oddPlayers, 'bench:load', '--players must be a multiple of 10: players sit at tables of 10 (got 25)');
    expectUsageError(bothOnly, 'bench:load', '--game-only and --bare-only exclude each other');
  });

  it('npm run bots -- --strategy takes the balance harness\'s strategies, and only those', async () => {
    const valid = 'Starting 2 bots in room ABC234 on http://127.0.0.1:9 at the human pace, leaders and envoys playing seeds-path';
    const [bad, good, help] = await Promise.all([
      run('bots.ts', ['--room', 'ABC234', '--strategy', 'win-at-all-costs']),
      // Nothing listens on port 9: the bots keep trying to connect until the test stops them.
      runUntil('bots.ts', ['--room', 'ABC234', '--url', 'http://127.0.0.1:9', '--count', '2', '--strategy', 'seeds-path'], valid),
      run('bots.ts', ['--help']),
    ]);
    expectUsageError(bad, 'bots', `--strategy must be one of ${STRATEGY_NAMES.join(', ')} (got "win-at-all-costs")`);
    expect(good.stdout, good.stderr).toContain(valid);
    expect(good.stderr).toBe('');
    for (const name of STRATEGY_NAMES) expect(help.stdout).toContain(name);
  });

  it('still does its work: npm run scenario -- validate on a valid file', async () => {
    const result = await run('scenario.ts', ['validate', 'server/scenarios/fixtures/valid-example.yaml']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('is a valid scenario.');
  });
});
