import { rmSync } from 'node:fs';
import { expect, test } from './fixtures';
import { expectNoSeriousViolation, expectNoSidewaysScroll, newPage, pageErrors, PHONE } from './helpers';
import { startServer, stopServer, type StartedServer } from './server';

/**
 * Issue 7, item 18: /setup says at once whether its link can still be used. It needs a server
 * of its own: only a database without accounts has a setup link that works.
 */

let server: StartedServer;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  server = await startServer();
});

test.afterAll(async () => {
  if (!server) return;
  await stopServer(server.pid);
  rmSync(server.tempDir, { recursive: true, force: true });
});

test('the setup page says whether its link is valid, used or not needed, before anyone fills a form', async ({ browser }) => {
  test.setTimeout(90_000);
  pageErrors.length = 0;
  expect(server.setupToken, 'a fresh server prints a setup link').toBeTruthy();
  const page = await newPage(browser, { viewport: PHONE });
  const heading = page.getByRole('heading', { level: 1 });

  // No link at all, no account yet: point to the server log.
  await page.goto(`${server.url}/setup`);
  await expect(page.getByRole('main').getByRole('alert')).toContainText('one-time link printed in the server log');
  await expect(page.getByLabel('Email')).toHaveCount(0);

  // A link that is not (or no longer) valid: said at once, no form.
  await page.goto(`${server.url}/setup?token=not-the-token`);
  await expect(page.getByRole('main').getByRole('alert')).toContainText('This setup link is not valid');
  await expect(page.getByLabel('Email')).toHaveCount(0);
  await expectNoSidewaysScroll(page, 'setup, link not valid');

  // The real link: the form.
  await page.goto(`${server.url}/setup?token=${server.setupToken}`);
  await expect(heading).toHaveText('Create the first facilitator account');
  await expectNoSidewaysScroll(page, 'setup form');
  await expectNoSeriousViolation(page, 'setup form');
  await page.getByLabel('Email').fill('head@example.org');
  await page.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
  await page.getByLabel('Password again').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Your sessions' })).toBeVisible();

  // The same link again, and /setup without a link: an account exists, nothing to set up.
  for (const path of [`/setup?token=${server.setupToken}`, '/setup']) {
    const other = await newPage(browser, { viewport: PHONE });
    await other.goto(`${server.url}${path}`);
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('Setup is done');
    await expect(other.getByText('A facilitator account already exists')).toBeVisible();
    await expect(other.getByRole('link', { name: 'Facilitator sign-in' })).toHaveAttribute('href', '/facilitator');
    await expect(other.getByLabel('Email')).toHaveCount(0);
    await expectNoSidewaysScroll(other, `setup not needed (${path})`);
    await other.context().close();
  }
  expect(pageErrors).toEqual([]);
  await page.context().close();
});
