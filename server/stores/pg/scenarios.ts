// Uploaded scenarios on PostgreSQL: one row per author and scenario id, replaced by its author.
import { asc, eq, or } from 'drizzle-orm';
import type { PgDb } from '../../../db/pg/client';
import { FOREIGN_KEY_VIOLATION, pgError } from '../../../db/pg/errors';
import { scenarios } from '../../../db/pg/schema';
import type { Json, SaveUploadResult, ScenarioStore, UploadRecord } from '../ports';

const toRecord = (row: typeof scenarios.$inferSelect): UploadRecord => ({
  key: row.key,
  scenarioId: row.scenarioId,
  authorId: row.authorId,
  shared: row.shared === 1,
  title: row.title,
  body: JSON.parse(row.body) as Json,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

export class PgScenarioStore implements ScenarioStore {
  constructor(private readonly db: PgDb) {}

  async save(upload: { authorId: string; scenarioId: string; shared: boolean; title: string; body: Json; now: number }): Promise<SaveUploadResult> {
    const key = `${upload.authorId}/${upload.scenarioId}`;
    const values = { shared: upload.shared ? 1 : 0, title: upload.title, body: JSON.stringify(upload.body), updatedAt: upload.now };
    try {
      await this.db
        .insert(scenarios)
        .values({ key, scenarioId: upload.scenarioId, authorId: upload.authorId, createdAt: upload.now, ...values })
        // Replacing keeps created_at: when it was first uploaded.
        .onConflictDoUpdate({ target: scenarios.key, set: values });
      return { ok: true, key };
    } catch (error) {
      if (pgError(error)?.code === FOREIGN_KEY_VIOLATION) return { ok: false, code: 'UNKNOWN_AUTHOR' };
      throw error;
    }
  }

  async byKey(key: string): Promise<UploadRecord | undefined> {
    const [row] = await this.db.select().from(scenarios).where(eq(scenarios.key, key));
    return row ? toRecord(row) : undefined;
  }

  async setShared(key: string, shared: boolean, now: number): Promise<boolean> {
    const updated = await this.db.update(scenarios).set({ shared: shared ? 1 : 0, updatedAt: now }).where(eq(scenarios.key, key)).returning({ key: scenarios.key });
    return updated.length > 0;
  }

  async visibleTo(facilitatorId: string): Promise<UploadRecord[]> {
    const rows = await this.db
      .select()
      .from(scenarios)
      .where(or(eq(scenarios.authorId, facilitatorId), eq(scenarios.shared, 1)))
      .orderBy(asc(scenarios.createdAt), asc(scenarios.key));
    return rows.map(toRecord);
  }
}
