import type { Json, SaveUploadResult, ScenarioStore, UploadRecord } from '../ports';
import { copy, type MemoryTables } from './tables';

export class MemoryScenarioStore implements ScenarioStore {
  constructor(private readonly t: MemoryTables) {}

  async save(upload: { authorId: string; scenarioId: string; shared: boolean; title: string; body: Json; now: number }): Promise<SaveUploadResult> {
    if (!this.t.facilitators.has(upload.authorId)) return { ok: false, code: 'UNKNOWN_AUTHOR' };
    const key = `${upload.authorId}/${upload.scenarioId}`;
    const createdAt = this.t.uploads.get(key)?.createdAt ?? upload.now;
    this.t.uploads.set(key, { key, scenarioId: upload.scenarioId, authorId: upload.authorId, shared: upload.shared, title: upload.title, body: copy(upload.body), createdAt, updatedAt: upload.now });
    return { ok: true, key };
  }

  async byKey(key: string): Promise<UploadRecord | undefined> {
    return copy(this.t.uploads.get(key));
  }

  async setShared(key: string, shared: boolean, now: number): Promise<boolean> {
    const row = this.t.uploads.get(key);
    if (!row) return false;
    row.shared = shared;
    row.updatedAt = now;
    return true;
  }

  async visibleTo(facilitatorId: string): Promise<UploadRecord[]> {
    return [...this.t.uploads.values()]
      .filter((u) => u.authorId === facilitatorId || u.shared)
      .map(copy)
      .sort((a, b) => a.createdAt - b.createdAt || a.key.localeCompare(b.key));
  }
}
