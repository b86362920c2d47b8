import { defineConfig } from '@playwright/test';

// End-to-end tests against the real production server, started once by e2e/global-setup.ts.
// The browser is Debian's Chromium (scripts/ensure-chromium.sh), not a Playwright download.
export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/global-setup.ts',
  globalTeardown: './e2e/global-teardown.ts',
  // Two cores: one browser at a time keeps the server's timings honest.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  use: {
    browserName: 'chromium',
    // baseURL comes from the server global-setup started; see e2e/fixtures.ts.
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
