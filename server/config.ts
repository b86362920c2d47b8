import path from 'node:path';
import { z } from 'zod';

/** Everything the server reads from the environment, validated once at start. */
export interface Config {
  port: number;
  host: string;
  /** Absolute path of the SQLite file. */
  databasePath: string;
  nodeEnv: 'development' | 'production' | 'test';
  /** The origin students and facilitators use (e.g. https://backchannel.school.org), for links and QR codes. */
  publicOrigin: string | undefined;
  /** Browser origins allowed to call the API and open sockets besides the server's own. */
  allowedOrigins: string[];
}

export type Env = Record<string, string | undefined>;

/** Thrown with one line per wrong variable, so the operator can fix them all at once. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const origin = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
});

/** One rule per variable: its schema and, for the error message, the form it expects. */
const rules = {
  PORT: {
    schema: z.coerce.number().int().min(0).max(65535).default(3000),
    expected: 'an integer 0-65535',
  },
  HOST: {
    schema: z.string().trim().regex(/^[^\s/]+$/).default('127.0.0.1'),
    expected: 'a host name or IP address such as 127.0.0.1 or 0.0.0.0',
  },
  DATABASE_URL: {
    // A file path, optionally written file:path; a server URL (postgres://…) is a mistake.
    schema: z
      .string()
      .trim()
      .transform((value) => value.replace(/^file:/, ''))
      .refine((value) => value !== '' && value !== ':memory:' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(value))
      .default('./data/backchannel.db'),
    expected: 'a file path such as ./data/backchannel.db',
  },
  NODE_ENV: {
    schema: z.enum(['development', 'production', 'test']).default('development'),
    expected: 'one of development, production, test',
  },
  PUBLIC_ORIGIN: {
    schema: origin.optional(),
    expected: 'an origin such as https://backchannel.example.org (no path, no trailing slash)',
  },
  ALLOWED_ORIGINS: {
    schema: z
      .string()
      .transform((value) => value.split(',').map((item) => item.trim()).filter((item) => item !== ''))
      .pipe(z.array(origin))
      .optional(),
    expected: 'a comma-separated list of origins such as https://a.example.org,https://b.example.org',
  },
} as const;

type Rules = typeof rules;
type Parsed = { [K in keyof Rules]: z.output<Rules[K]['schema']> };

/**
 * Reads and validates the configuration. Pure: no I/O, no process access; `cwd` resolves a relative
 * DATABASE_URL so the same env always gives the same result.
 */
export function loadConfig(env: Env, cwd: string = process.cwd()): Config {
  const problems: string[] = [];
  const parsed: Partial<Record<keyof Rules, unknown>> = {};
  for (const name of Object.keys(rules) as (keyof Rules)[]) {
    const raw = env[name];
    // An empty variable (PORT=) means "unset", as in most shells' habits.
    const value = raw === undefined || raw.trim() === '' ? undefined : raw;
    const result = rules[name].schema.safeParse(value);
    if (result.success) {
      parsed[name] = result.data;
    } else {
      problems.push(`${name} must be ${rules[name].expected} (got ${JSON.stringify(raw)})`);
    }
  }
  if (problems.length > 0) {
    throw new ConfigError(problems.map((problem) => `Invalid configuration: ${problem}`).join('\n'));
  }
  const values = parsed as Parsed;
  const allowed = new Set(values.ALLOWED_ORIGINS ?? []);
  if (values.PUBLIC_ORIGIN !== undefined) allowed.add(values.PUBLIC_ORIGIN);
  return {
    port: values.PORT,
    host: values.HOST,
    databasePath: path.resolve(cwd, values.DATABASE_URL),
    nodeEnv: values.NODE_ENV,
    publicOrigin: values.PUBLIC_ORIGIN,
    allowedOrigins: [...allowed],
  };
}
