import type { AccountStore, CreateFacilitatorResult, FacilitatorRecord, LoginRecord, RemoveFacilitatorResult, SetupTokenStore } from '../ports';
import { copy, type MemoryTables } from './tables';

export class MemoryAccountStore implements AccountStore {
  constructor(private readonly t: MemoryTables) {}

  async create(record: FacilitatorRecord): Promise<CreateFacilitatorResult> {
    if ([...this.t.facilitators.values()].some((f) => f.email === record.email)) return { ok: false, code: 'EMAIL_TAKEN' };
    if (this.t.facilitators.has(record.id)) throw new Error(`facilitator ${record.id} exists`);
    this.t.facilitators.set(record.id, copy(record));
    return { ok: true };
  }

  async byId(id: string): Promise<FacilitatorRecord | undefined> {
    return copy(this.t.facilitators.get(id));
  }

  async byEmail(email: string): Promise<FacilitatorRecord | undefined> {
    return copy([...this.t.facilitators.values()].find((f) => f.email === email));
  }

  async count(): Promise<number> {
    return this.t.facilitators.size;
  }

  async list(): Promise<FacilitatorRecord[]> {
    return [...this.t.facilitators.values()].map(copy).sort((a, b) => a.createdAt - b.createdAt || a.email.localeCompare(b.email));
  }

  async remove(id: string, heirId: string): Promise<RemoveFacilitatorResult> {
    const row = this.t.facilitators.get(id);
    if (!row) return { ok: false, code: 'UNKNOWN_FACILITATOR' };
    if (!this.t.facilitators.has(heirId)) return { ok: false, code: 'UNKNOWN_HEIR' };
    let sessionsMoved = 0;
    for (const session of this.t.sessions.values()) {
      if (session.facilitatorId === id) {
        session.facilitatorId = heirId;
        sessionsMoved++;
      }
    }
    this.endLogins(id);
    for (const [key, upload] of this.t.uploads) if (upload.authorId === id) this.t.uploads.delete(key);
    this.t.facilitators.delete(id);
    return { ok: true, email: row.email, sessionsMoved };
  }

  async setPasswordHash(id: string, passwordHash: string, keepLogin?: string): Promise<boolean> {
    const row = this.t.facilitators.get(id);
    if (!row) return false;
    row.passwordHash = passwordHash;
    this.endLogins(id, keepLogin);
    return true;
  }

  private endLogins(facilitatorId: string, keep?: string): void {
    for (const [hash, login] of this.t.logins) if (login.facilitatorId === facilitatorId && hash !== keep) this.t.logins.delete(hash);
  }

  async addLogin(login: LoginRecord): Promise<void> {
    if (!this.t.facilitators.has(login.facilitatorId)) throw new Error(`no facilitator ${login.facilitatorId}`);
    if (this.t.logins.has(login.tokenHash)) throw new Error('login exists');
    this.t.logins.set(login.tokenHash, copy(login));
  }

  async endLogin(tokenHash: string): Promise<void> {
    this.t.logins.delete(tokenHash);
  }

  async loginAt(tokenHash: string, now: number): Promise<{ facilitator: FacilitatorRecord; expiresAt: number } | undefined> {
    const login = this.t.logins.get(tokenHash);
    const facilitator = login && this.t.facilitators.get(login.facilitatorId);
    if (!login || !facilitator || login.expiresAt <= now) return undefined;
    return { facilitator: copy(facilitator), expiresAt: login.expiresAt };
  }
}

export class MemorySetupTokenStore implements SetupTokenStore {
  constructor(private readonly t: MemoryTables) {}

  async add(tokenHash: string, createdAt: number): Promise<void> {
    if (this.t.setupTokens.has(tokenHash)) throw new Error('setup token exists');
    this.t.setupTokens.set(tokenHash, { createdAt, usedAt: null });
  }

  async state(tokenHash: string): Promise<'unused' | 'used' | undefined> {
    const row = this.t.setupTokens.get(tokenHash);
    return row ? (row.usedAt === null ? 'unused' : 'used') : undefined;
  }

  async claim(tokenHash: string, now: number): Promise<boolean> {
    const row = this.t.setupTokens.get(tokenHash);
    if (!row || row.usedAt !== null) return false;
    row.usedAt = now;
    return true;
  }

  async release(tokenHash: string): Promise<void> {
    const row = this.t.setupTokens.get(tokenHash);
    if (row) row.usedAt = null;
  }

  async useAll(now: number): Promise<void> {
    for (const row of this.t.setupTokens.values()) row.usedAt ??= now;
  }
}
