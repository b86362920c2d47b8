import path from 'node:path';
import { z } from 'zod';
import { parseTrustProxy, TRUST_PROXY_FORMS } from './http/client-address';

/** Where the server keeps its data: the embedded SQLite file (one machine) or a PostgreSQL server (several nodes). */
export type DatabaseConfig = { kind: 'sqlite'; /** Absolute path of the SQLite file. */ path: string } | { kind: 'postgres'; /** postgres://… as given. */ url: string };

/** Everything the server reads from the environment, validated once at start. */
export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** redis://… or rediss://…: set, the server runs as one node of several (leases and cross-node delivery in Redis). */
  redisUrl: string | undefined;
  nodeEnv: 'development' | 'production' | 'test';
  /** The origin students and facilitators use (e.g. https://backchannel.school.org), for links and QR codes. */
  publicOrigin: string | undefined;
  /** Browser origins allowed to call the API and open sockets besides the server's own. */
  allowedOrigins: string[];
  /**
   * The reverse proxies whose X-Forwarded-For is believed (TRUST_PROXY: addresses, CIDR ranges,
   * loopback…); unset, the TCP peer is the client. See server/http/client-address.ts.
   */
  trustProxy: string | undefined;
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

function isUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** A server to reach: a host name, or (for a Unix socket) ?host=/var/run/postgresql. */
function isPostgresUrl(value: string): boolean {
  if (!isUrl(value)) return false;
  const url = new URL(value);
  return url.hostname !== '' || url.searchParams.has('host');
}

/** A wrong value is echoed in the error, but never a URL's password. */
function redact(raw: string | undefined): string | undefined {
  return raw?.replace(/(\/\/[^/:@\s]*):[^@/\s]*@/, '$1:***@');
}

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
    // A file path (optionally written file:path) for SQLite, or a postgres:// URL; any other server
    // URL (mysql://…) is a mistake, and so is an in-memory SQLite database (nothing would be kept).
    schema: z
      .string()
      .trim()
      .transform((value): { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string } | undefined => {
        if (/^postgres(ql)?:\/\//i.test(value)) return isPostgresUrl(value) ? { kind: 'postgres', url: value } : undefined;
        const file = value.replace(/^file:/, '');
        if (file === '' || file === ':memory:' || /^[a-z][a-z0-9+.-]*:\/\//i.test(file)) return undefined;
        return { kind: 'sqlite', path: file };
      })
      .refine((value) => value !== undefined)
      .default({ kind: 'sqlite', path: './data/backchannel.db' }),
    expected: 'a file path such as ./data/backchannel.db (SQLite, one machine) or a PostgreSQL URL such as postgres://user:password@db.example.org:5432/backchannel',
  },
  REDIS_URL: {
    schema: z
      .string()
      .trim()
      .refine((value) => isUrl(value) && /^rediss?:$/.test(new URL(value).protocol) && new URL(value).hostname !== '')
      .optional(),
    expected: 'a Redis URL such as redis://127.0.0.1:6379 or rediss://user:password@redis.example.org:6380 (leave it unset for a single node)',
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
  TRUST_PROXY: {
    schema: z
      .string()
      .trim()
      .refine((value) => {
        try {
          parseTrustProxy(value);
          return true;
        } catch {
          return false;
        }
      })
      .optional(),
    expected: `${TRUST_PROXY_FORMS}, naming the reverse proxies in front of the server (e.g. loopback when nginx runs on the same machine)`,
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
      problems.push(`${name} must be ${rules[name].expected} (got ${JSON.stringify(redact(raw))})`);
    }
  }
  if (problems.length > 0) {
    throw new ConfigError(problems.map((problem) => `Invalid configuration: ${problem}`).join('\n'));
  }
  const values = parsed as Parsed;
  // The refine above let only a valid database through.
  const database = values.DATABASE_URL as DatabaseConfig;
  const allowed = new Set(values.ALLOWED_ORIGINS ?? []);
  if (values.PUBLIC_ORIGIN !== undefined) allowed.add(values.PUBLIC_ORIGIN);
  return {
    port: values.PORT,
    host: values.HOST,
    database: database.kind === 'sqlite' ? { kind: 'sqlite', path: path.resolve(cwd, database.path) } : database,
    redisUrl: values.REDIS_URL,
    nodeEnv: values.NODE_ENV,
    publicOrigin: values.PUBLIC_ORIGIN,
    allowedOrigins: [...allowed],
    trustProxy: values.TRUST_PROXY,
  };
}

/** The SQLite file, for the tools that work on it alone; a clear error when DATABASE_URL is PostgreSQL. */
export function sqlitePath(config: Pick<Config, 'database'>): string {
  if (config.database.kind !== 'sqlite') throw new ConfigError('This needs the SQLite database, but DATABASE_URL is a PostgreSQL URL.');
  return config.database.path;
}
