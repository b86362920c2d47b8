import { asc, eq, or } from 'drizzle-orm';
import type { OpenedDatabase } from '../../../db/client';
import { scenarios } from '../../../db/schema';
import type { Json, SaveUploadResult, ScenarioStore, UploadRecord } from '../ports';
import { FOREIGN_KEY, sqliteCode } from './errors';

type Row = typeof scenarios.$inferSelect;
const toRecord = (row: Row): UploadRecord => ({
  key: row.key, scenarioId: row.scenarioId, authorId: row.authorId, shared: row.shared === 1, title: row.title,
  body: JSON.parse(row.body) as Json, createdAt: row.createdAt, updatedAt: row.updatedAt,
});

export class SqliteScenarioStore implements ScenarioStore {
  constructor(private readonly database: OpenedDatabase) {}

  private get db() {
    return this.database.db;
  }

  async save(upload: { authorId: string; scenarioId: string; shared: boolean; title: string; body: Json; now: number }): Promise<SaveUploadResult> {
    const key = `${upload.authorId}/${upload.scenarioId}`;
    const shared = upload.shared ? 1 : 0;
    const body = JSON.stringify(upload.body);
    try {
      this.db
        .insert(scenarios)
        .values({ key, scenarioId: upload.scenarioId, authorId: upload.authorId, shared, title: upload.title, body, createdAt: upload.now, updatedAt: upload.now })
        .onConflictDoUpdate({ target: scenarios.key, set: { shared, title: upload.title, body, updatedAt: upload.now } })
        .run();
      return { ok: true, key };
    } catch (error) {
      if (sqliteCode(error) === FOREIGN_KEY) return { ok: false, code: 'UNKNOWN_AUTHOR' };
      throw error;
    }
  }

  async byKey(key: string): Promise<UploadRecord | undefined> {
    const row = this.db.select().from(scenarios).where(eq(scenarios.key, key)).get();
    return row && toRecord(row);
  }

  async setShared(key: string, shared: boolean, now: number): Promise<boolean> {
    return this.db.update(scenarios).set({ shared: shared ? 1 : 0, updatedAt: now }).where(eq(scenarios.key, key)).run().changes === 1;
  }

  async visibleTo(facilitatorId: string): Promise<UploadRecord[]> {
    return this.db
      .select()
      .from(scenarios)
      .where(or(eq(scenarios.authorId, facilitatorId), eq(scenarios.shared, 1)))
      .orderBy(asc(scenarios.createdAt), asc(scenarios.key))
      .all()
      .map(toRecord);
  }
}
