import { test as base } from '@playwright/test';
import { ENV } from './server';

/** Playwright's test, with baseURL pointing at the server global-setup started. */
export const test = base.extend({
  // Playwright reads the fixture's dependencies from this destructuring, so it must stay, even empty.
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => {
    const url = process.env[ENV.baseUrl];
    if (!url) throw new Error(`${ENV.baseUrl} is not set: did e2e/global-setup.ts run?`);
    await use(url);
  },
});

export { expect } from '@playwright/test';
