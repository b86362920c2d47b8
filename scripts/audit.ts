// npm run audit [-- --all] [-- --registry <url>]
// Runs `npm audit --omit=dev` and says plainly which of three things happened: no known
// vulnerability (exit 0), vulnerabilities (exit 1, listed), or the advisory service could not be
// asked (exit 3): then nothing was checked, and that is never reported as a pass.
import { spawn } from 'node:child_process';
import { projectRoot } from '../server/paths';
import { parseCommandLine } from './lib/cli';

const EXIT = { clean: 0, vulnerable: 1, usage: 2, unchecked: 3 } as const;

const cli = {
  name: 'npm run audit',
  usage: `Usage: npm run audit [-- options]

Asks the npm registry's advisory service about the production dependencies (npm audit --omit=dev).

Exit codes:
  0   no known vulnerability
  1   vulnerabilities found (listed)
  3   the advisory service could not be reached or answered an error: NOTHING WAS CHECKED

Options:
  --all              include devDependencies
  --registry <url>   ask this registry instead of the configured one
  -h, --help         show this help
`,
  options: { all: { type: 'boolean', default: false }, registry: { type: 'string' } },
} as const;

interface Advisory {
  title?: string;
  url?: string;
}
interface Vulnerability {
  name: string;
  severity: string;
  range?: string;
  via: (string | Advisory)[];
  fixAvailable: boolean | { name: string; version: string };
}
interface Report {
  auditReportVersion: number;
  vulnerabilities: Record<string, Vulnerability>;
  metadata: { vulnerabilities: Record<string, number>; dependencies?: { prod?: number; total?: number } };
}

function runNpmAudit(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['audit', '--json', ...args], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function isReport(value: unknown): value is Report {
  return typeof value === 'object' && value !== null && 'auditReportVersion' in value && 'vulnerabilities' in value && 'metadata' in value;
}

/** Why npm could not audit, in one line, from its JSON error or its stderr. */
function failureReason(json: unknown, stderr: string): string {
  const message = typeof json === 'object' && json !== null ? ((json as { message?: unknown; error?: { summary?: unknown } }).message ?? (json as { error?: { summary?: unknown } }).error?.summary) : undefined;
  if (typeof message === 'string' && message.trim() !== '') return message.trim();
  const line = stderr.split('\n').find((l) => /npm (error|ERR!|warn audit)/.test(l));
  return line?.replace(/^npm (error|ERR!|warn)\s*/, '').trim() || 'npm audit gave no report';
}

async function main(): Promise<number> {
  const { values } = parseCommandLine(cli);
  const args = [...(values.all ? [] : ['--omit=dev']), ...(values.registry ? ['--registry', values.registry] : [])];
  const result = await runNpmAudit(args);
  let json: unknown;
  try {
    json = JSON.parse(result.stdout);
  } catch {
    json = undefined;
  }
  if (!isReport(json)) {
    console.error(`npm audit could not check the dependencies: ${failureReason(json, result.stderr)}`);
    console.error('NOTHING WAS CHECKED. This is not a pass: run `npm run audit` where the registry’s advisory endpoint can be reached.');
    return EXIT.unchecked;
  }
  const scope = values.all ? 'dependencies' : 'production dependencies';
  const counted = json.metadata.dependencies?.[values.all ? 'total' : 'prod'];
  const found = Object.values(json.vulnerabilities);
  if (found.length === 0) {
    console.log(`No known vulnerabilities in ${counted ?? 'the'} ${scope}.`);
    return EXIT.clean;
  }
  console.log(`${found.length} vulnerable package${found.length === 1 ? '' : 's'} in the ${scope}:`);
  for (const v of found.sort((a, b) => a.name.localeCompare(b.name))) {
    const advisories = v.via.filter((x): x is Advisory => typeof x === 'object').map((a) => `${a.title ?? 'advisory'}${a.url ? ` (${a.url})` : ''}`);
    const through = v.via.filter((x): x is string => typeof x === 'string');
    const fix = v.fixAvailable === false ? 'no fix available' : v.fixAvailable === true ? 'fix: npm audit fix' : `fix: ${v.fixAvailable.name}@${v.fixAvailable.version}`;
    console.log(`  ${v.name}${v.range ? ` ${v.range}` : ''} [${v.severity}] ${[...advisories, ...through.map((t) => `through ${t}`)].join('; ')} — ${fix}`);
  }
  return EXIT.vulnerable;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`npm run audit failed: ${error instanceof Error ? error.message : String(error)}`);
    console.error('NOTHING WAS CHECKED.');
    process.exit(EXIT.unchecked);
  },
);
