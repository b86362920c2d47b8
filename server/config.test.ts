import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const cwd = '/srv/backchannel';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(loadConfig({}, cwd)).toEqual({
      port: 3000,
      host: '127.0.0.1',
      database: { kind: 'sqlite', path: path.join(cwd, 'data/backchannel.db') },
      redisUrl: undefined,
      nodeEnv: 'development',
      publicOrigin: undefined,
      allowedOrigins: [],
    });
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '0',
        HOST: '0.0.0.0',
        DATABASE_URL: 'file:/var/lib/backchannel/db.sqlite',
        NODE_ENV: 'production',
        PUBLIC_ORIGIN: 'https://play.example.org',
        ALLOWED_ORIGINS: 'https://a.example.org, https://b.example.org:8443,',
        REDIS_URL: 'redis://127.0.0.1:6379',
        TRUST_PROXY: 'loopback, 10.0.0.0/8',
      },
      cwd,
    );
    expect(config).toEqual({
      port: 0,
      host: '0.0.0.0',
      database: { kind: 'sqlite', path: '/var/lib/backchannel/db.sqlite' },
      redisUrl: 'redis://127.0.0.1:6379',
      nodeEnv: 'production',
      publicOrigin: 'https://play.example.org',
      allowedOrigins: ['https://a.example.org', 'https://b.example.org:8443', 'https://play.example.org'],
      trustProxy: 'loopback, 10.0.0.0/8',
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', HOST: ' ' }, cwd)).toMatchObject({ port: 3000, host: '127.0.0.1' });
  });

  it('resolves a relative database path against the working directory', () => {
    expect(loadConfig({ DATABASE_URL: 'tmp/test.db' }, cwd).database).toEqual({ kind: 'sqlite', path: path.join(cwd, 'tmp/test.db') });
    expect(loadConfig({ DATABASE_URL: 'file:tmp/test.db' }, cwd).database).toEqual({ kind: 'sqlite', path: path.join(cwd, 'tmp/test.db') });
  });

  it.each([
    'postgres://backchannel:s3cret@db.example.org:5432/backchannel',
    'postgresql://db.example.org/backchannel?sslmode=require',
    'POSTGRES://127.0.0.1:55432/bc',
    'postgres:///backchannel?host=/var/run/postgresql',
  ])('selects PostgreSQL for DATABASE_URL=%s, keeping the URL as given', (url) => {
    expect(loadConfig({ DATABASE_URL: url }, cwd).database).toEqual({ kind: 'postgres', url });
  });

  it.each(['redis://127.0.0.1:6379', 'rediss://user:pw@redis.example.org:6380/2'])('turns multi-node mode on with REDIS_URL=%s', (url) => {
    expect(loadConfig({ REDIS_URL: url }, cwd).redisUrl).toBe(url);
  });

  it('refuses a TRUST_PROXY entry that is not an address, a range or a named range', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'loopback, nginx.internal' }, cwd)).toThrow(/^Invalid configuration: TRUST_PROXY must be a comma-separated list of IP addresses, CIDR ranges.*\(got "loopback, nginx.internal"\)$/);
  });

  it('never echoes a password from a wrong URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://app:hunter2@db/app', REDIS_URL: 'http://u:hunter3@r:6379' }, cwd)).toThrow(
      /DATABASE_URL[^\n]*\(got "mysql:\/\/app:\*\*\*@db\/app"\)\nInvalid configuration: REDIS_URL[^\n]*\(got "http:\/\/u:\*\*\*@r:6379"\)/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'mysql://app:hunter2@db/app' }, cwd)).not.toThrow(/hunter2/);
  });

  it.each([
    ['PORT', 'abc', 'Invalid configuration: PORT must be an integer 0-65535 (got "abc")'],
    ['PORT', '70000', 'PORT must be an integer 0-65535 (got "70000")'],
    ['PORT', '3.5', 'PORT must be an integer 0-65535'],
    ['NODE_ENV', 'staging', 'NODE_ENV must be one of development, production, test (got "staging")'],
    ['DATABASE_URL', 'mysql://db/app', 'DATABASE_URL must be a file path such as ./data/backchannel.db (SQLite, one machine) or a PostgreSQL URL such as postgres://'],
    ['DATABASE_URL', 'postgres://', 'DATABASE_URL must be a file path such as ./data/backchannel.db (SQLite, one machine) or a PostgreSQL URL'],
    ['DATABASE_URL', ':memory:', 'DATABASE_URL must be a file path'],
    ['DATABASE_URL', 'file:', 'DATABASE_URL must be a file path'],
    ['REDIS_URL', 'localhost:6379', 'REDIS_URL must be a Redis URL such as redis://127.0.0.1:6379 or rediss://'],
    ['REDIS_URL', 'http://127.0.0.1:6379', 'REDIS_URL must be a Redis URL'],
    ['REDIS_URL', 'redis://', 'REDIS_URL must be a Redis URL'],
    ['PUBLIC_ORIGIN', 'https://x.org/path', 'PUBLIC_ORIGIN must be an origin'],
    ['ALLOWED_ORIGINS', 'https://ok.org,not a url', 'ALLOWED_ORIGINS must be a comma-separated list of origins'],
    ['HOST', 'local host', 'HOST must be a host name or IP address'],
  ])('rejects %s=%s naming the variable and the expected form', (name, value, message) => {
    expect(() => loadConfig({ [name]: value }, cwd)).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value }, cwd)).toThrow(message);
  });

  it('reports every wrong variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', NODE_ENV: 'y' }, cwd)).toThrow(/PORT[^\n]*\nInvalid configuration: NODE_ENV/);
  });
});
