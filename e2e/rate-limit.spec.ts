import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { pageErrors } from './helpers';

/**
 * Issue 7, item 2 (what the student sees): a RATE_LIMITED refusal says how long to wait when the
 * server says it, and still reads clearly when it does not. The socket is played by the test
 * (Engine.IO open packet, then Socket.IO's CONNECT_ERROR), so each shape of refusal is certain.
 */

async function refuseWith(page: Page, data: Record<string, unknown>): Promise<void> {
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    ws.send(`0${JSON.stringify({ sid: 'test', upgrades: [], pingInterval: 25_000, pingTimeout: 20_000, maxPayload: 1_000_000 })}`);
    ws.onMessage((message) => {
      if (typeof message === 'string' && message.startsWith('40')) ws.send(`44${JSON.stringify({ message: String(data.message), data })}`);
    });
  });
}

const MESSAGE = 'Too many wrong room codes from this network.';

test('a refusal with a wait in milliseconds counts down, then lets the student try again', async ({ page }) => {
  pageErrors.length = 0;
  await refuseWith(page, { code: 'RATE_LIMITED', message: MESSAGE, retryAfterMs: 3_000 });
  await page.goto('/play/ABC234?name=Ana');
  const alert = page.getByRole('alert').filter({ hasText: MESSAGE });
  await expect(alert).toBeVisible();
  await expect(page.getByText(/You can try again in [1-3] seconds?\./)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toBeDisabled();
  // The wait is over: said, and the button works again.
  await expect(page.getByText('You can try again now.')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Try again' })).toBeEnabled();
});

test('a refusal with a wait in seconds says it in minutes and seconds', async ({ page }) => {
  await refuseWith(page, { code: 'RATE_LIMITED', message: MESSAGE, retryAfterSeconds: 90 });
  await page.goto('/play/ABC234?name=Ana');
  await expect(page.getByRole('alert').filter({ hasText: MESSAGE })).toBeVisible();
  await expect(page.getByText(/You can try again in 1 min(ute)? (2\d|30) s(econds)?\./)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toBeDisabled();
});

test('a refusal without a wait shows the message and a working button', async ({ page }) => {
  await refuseWith(page, { code: 'RATE_LIMITED', message: MESSAGE });
  await page.goto('/play/ABC234?name=Ana');
  await expect(page.getByRole('alert').filter({ hasText: MESSAGE })).toBeVisible();
  await expect(page.getByText('Wait a minute, then try again.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toBeEnabled();
  expect(pageErrors).toEqual([]);
});
