import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type OpenedDatabase } from '../../db/client';
import { completeSetup, createFacilitator, issueSetupToken, setupStatus } from './accounts';

describe('setupStatus', () => {
  let dir: string;
  let opened: OpenedDatabase;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'backchannel-setup-'));
    opened = openDatabase(path.join(dir, 'test.db'));
    migrateDatabase(opened.db);
  });
  afterEach(() => {
    opened.sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('tells a working link from one that is used, unknown or missing, and says none is needed once an account exists', async () => {
    const { db } = opened;
    const token = issueSetupToken(db);
    expect(setupStatus(db, undefined)).toBe('no-token');
    expect(setupStatus(db, token)).toBe('valid');
    expect(setupStatus(db, 'B'.repeat(43))).toBe('invalid');
    await completeSetup(db, token, 'first@school.org', 'a long enough password');
    expect(setupStatus(db, token)).toBe('not-needed');
    expect(setupStatus(db, undefined)).toBe('not-needed');
  });

  it('keeps a link valid after a refused form, and needs none once an account is made another way', async () => {
    const { db } = opened;
    const token = issueSetupToken(db);
    // A bad password gives the token back; a used one stays used.
    await expect(completeSetup(db, token, 'first@school.org', 'short')).rejects.toThrow();
    expect(setupStatus(db, token)).toBe('valid');
    await createFacilitator(db, { email: 'cli@school.org', password: 'a long enough password', isAdmin: true });
    expect(setupStatus(db, token)).toBe('not-needed');
  });
});
