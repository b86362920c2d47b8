// The matrix runs what it says: in the "postgres" project a live server's stores are the
// PostgreSQL ones, on a database of its own that a restart on the same path finds again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { PgEventStore } from '../stores/pg';
import { describePg } from './pg/database';
import { startLiveServer } from './live-server';
import { releaseTestDatabase, testDatabaseUrl, testStoreKind } from './matrix';

describePg('the PostgreSQL test matrix', () => {
  it('runs a live server on a PostgreSQL database kept per path across a restart', async () => {
    expect(testStoreKind()).toBe('postgres');
    const dir = mkdtempSync(path.join(tmpdir(), 'backchannel-matrix-'));
    const dbPath = path.join(dir, 'x.db');
    try {
      const first = await startLiveServer(dbPath);
      expect(first.server.stores?.events).toBeInstanceOf(PgEventStore);
      await first.server.stores!.accounts.create({ id: 'f1', email: 'f1@example.org', passwordHash: 'x', isAdmin: false, createdAt: 1 });
      await first.stop({ keepFiles: true });
      const again = await startLiveServer(dbPath);
      expect(await again.server.stores!.accounts.byId('f1')).toMatchObject({ email: 'f1@example.org' });
      await again.stop();
      expect(await testDatabaseUrl(dbPath)).toMatch(/^postgres:\/\/.*\/bc_live_[0-9a-f]+$/);
    } finally {
      await releaseTestDatabase(dbPath);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
