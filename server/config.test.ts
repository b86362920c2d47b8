import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const cwd = '/srv/backchannel';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(loadConfig({}, cwd)).toEqual({
      port: 3000,
      host: '127.0.0.1',
      databasePath: path.join(cwd, 'data/backchannel.db'),
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
      },
      cwd,
    );
    expect(config).toEqual({
      port: 0,
      host: '0.0.0.0',
      databasePath: '/var/lib/backchannel/db.sqlite',
      nodeEnv: 'production',
      publicOrigin: 'https://play.example.org',
      allowedOrigins: ['https://a.example.org', 'https://b.example.org:8443', 'https://play.example.org'],
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', HOST: ' ' }, cwd)).toMatchObject({ port: 3000, host: '127.0.0.1' });
  });

  it('resolves a relative database path against the working directory', () => {
    expect(loadConfig({ DATABASE_URL: 'tmp/test.db' }, cwd).databasePath).toBe(path.join(cwd, 'tmp/test.db'));
  });

  it.each([
    ['PORT', 'abc', 'Invalid configuration: PORT must be an integer 0-65535 (got "abc")'],
    ['PORT', '70000', 'PORT must be an integer 0-65535 (got "70000")'],
    ['PORT', '3.5', 'PORT must be an integer 0-65535'],
    ['NODE_ENV', 'staging', 'NODE_ENV must be one of development, production, test (got "staging")'],
    ['DATABASE_URL', 'postgres://db/app', 'DATABASE_URL must be a file path'],
    ['DATABASE_URL', ':memory:', 'DATABASE_URL must be a file path'],
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
