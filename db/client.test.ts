import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type OpenedDatabase } from './client';
import { facilitators } from './schema';

let dir: string;
let opened: OpenedDatabase | undefined;

afterEach(() => {
  opened?.sqlite.close();
  opened = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function openTemp(): OpenedDatabase {
  dir = mkdtempSync(path.join(tmpdir(), 'backchannel-db-'));
  // A folder that does not exist yet: openDatabase must create it.
  opened = openDatabase(path.join(dir, 'nested', 'test.db'));
  return opened;
}

describe('openDatabase + migrateDatabase', () => {
  it('applies the committed migrations to a new file', () => {
    const { db, sqlite } = openTemp();
    migrateDatabase(db);
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining(['auth_sessions', 'events', 'facilitators', 'seat_tokens', 'sessions', 'setup_tokens']),
    );
    expect(db.select().from(facilitators).all()).toEqual([]);
  });

  it('is idempotent: a second migration run changes nothing', () => {
    const { db } = openTemp();
    migrateDatabase(db);
    expect(() => migrateDatabase(db)).not.toThrow();
  });

  it('turns on WAL, foreign keys and a busy timeout', () => {
    const { sqlite } = openTemp();
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
  });

  it('enforces foreign keys', () => {
    const { db, sqlite } = openTemp();
    migrateDatabase(db);
    const insert = sqlite.prepare(
      "INSERT INTO sessions (id, code, facilitator_id, scenario_id, status, created_at, updated_at) VALUES ('s1', 'ABCDEF', 'nobody', 'x', 'lobby', 0, 0)",
    );
    expect(() => insert.run()).toThrow(/FOREIGN KEY/);
  });
});
