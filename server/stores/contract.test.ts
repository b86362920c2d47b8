// Every store's contract, run against the in-memory twins and against SQLite on a real temp file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeStoresContract } from './contract';
import { openMemoryStores } from './memory';
import { openSqliteStores } from './sqlite';

describeStoresContract('in-memory', async () => {
  const stores = openMemoryStores();
  return { stores, cleanup: () => stores.close() };
});

for (const writer of ['loop', 'worker'] as const) {
  // 'worker': the appends are written by a worker thread's own connection to the file.
  describeStoresContract(`SQLite (writer: ${writer})`, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'backchannel-stores-'));
    const stores = openSqliteStores(path.join(dir, 'stores.db'), { writer });
    return {
      stores,
      cleanup: async () => {
        await stores.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
}
