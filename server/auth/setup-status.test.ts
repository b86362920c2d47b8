import { describe, expect, it } from 'vitest';
import { openMemoryStores } from '../stores/memory';
import { completeSetup, createFacilitator, issueSetupToken, setupStatus } from './accounts';

describe('setupStatus', () => {
  it('tells a working link from one that is used, unknown or missing, and says none is needed once an account exists', async () => {
    const stores = openMemoryStores();
    const token = await issueSetupToken(stores.setupTokens);
    expect(await setupStatus(stores, undefined)).toBe('no-token');
    expect(await setupStatus(stores, token)).toBe('valid');
    expect(await setupStatus(stores, 'B'.repeat(43))).toBe('invalid');
    await completeSetup(stores, token, 'first@school.org', 'a long enough password');
    expect(await setupStatus(stores, token)).toBe('not-needed');
    expect(await setupStatus(stores, undefined)).toBe('not-needed');
  });

  it('keeps a link valid after a refused form, and needs none once an account is made another way', async () => {
    const stores = openMemoryStores();
    const token = await issueSetupToken(stores.setupTokens);
    // A bad password gives the token back; a used one stays used.
    await expect(completeSetup(stores, token, 'first@school.org', 'short')).rejects.toThrow();
    expect(await setupStatus(stores, token)).toBe('valid');
    await createFacilitator(stores.accounts, { email: 'cli@school.org', password: 'a long enough password', isAdmin: true });
    expect(await setupStatus(stores, token)).toBe('not-needed');
  });
});
