import type { GameEvent } from '../../engine';
import type { ClassLinkRecord, ClassLinkStore, ImportSessionResult, Json, ReplayStore, SessionRecord, SettingsStore } from '../ports';
import { copy, dropSession, type MemoryTables } from './tables';

export class MemoryReplayStore implements ReplayStore {
  constructor(private readonly t: MemoryTables) {}

  async importSession(record: SessionRecord, events: GameEvent[], updatedAt: number): Promise<ImportSessionResult> {
    if ([...this.t.sessions.values()].some((s) => s.code === record.code)) return { ok: false, code: 'CODE_TAKEN' };
    if (!this.t.facilitators.has(record.facilitatorId)) return { ok: false, code: 'UNKNOWN_FACILITATOR' };
    if (this.t.sessions.has(record.id)) throw new Error(`session ${record.id} exists`);
    this.t.sessions.set(record.id, { ...copy(record), updatedAt });
    this.t.logs.set(record.id, events.map((event, i) => ({ seq: i + 1, event: copy(event) })));
    return { ok: true };
  }

  async deleteSession(sessionId: string): Promise<boolean> {
    return dropSession(this.t, sessionId);
  }

  async endedBefore(before: number): Promise<string[]> {
    return [...this.t.sessions.values()]
      .filter((s) => s.status === 'ended' && s.updatedAt < before)
      .sort((a, b) => a.updatedAt - b.updatedAt || a.id.localeCompare(b.id))
      .map((s) => s.id);
  }
}

export class MemoryClassLinkStore implements ClassLinkStore {
  constructor(private readonly t: MemoryTables) {}

  async bySession(sessionId: string): Promise<ClassLinkRecord | undefined> {
    return copy(this.t.classLinks.get(sessionId));
  }

  async byToken(token: string): Promise<ClassLinkRecord | undefined> {
    return copy([...this.t.classLinks.values()].find((l) => l.token === token));
  }

  async save(link: { sessionId: string; enabled: boolean; reveal: Json; now: number; newToken: string }): Promise<ClassLinkRecord | undefined> {
    if (!this.t.sessions.has(link.sessionId)) return undefined;
    const existing = this.t.classLinks.get(link.sessionId);
    const token = existing?.token ?? link.newToken;
    if (!existing && [...this.t.classLinks.values()].some((l) => l.token === token)) throw new Error('class link token taken');
    const record: ClassLinkRecord = { sessionId: link.sessionId, token, enabled: link.enabled, reveal: copy(link.reveal), updatedAt: link.now };
    this.t.classLinks.set(link.sessionId, record);
    return copy(record);
  }
}

export class MemorySettingsStore implements SettingsStore {
  constructor(private readonly t: MemoryTables) {}

  async get(key: string): Promise<Json | undefined> {
    return copy(this.t.settings.get(key)?.value);
  }

  async set(key: string, value: Json, now: number): Promise<void> {
    this.t.settings.set(key, { value: copy(value), updatedAt: now });
  }
}
