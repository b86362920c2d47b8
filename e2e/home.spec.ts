import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

test('the home page shows the product and the join form', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Backchannel');
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByLabel('Room code')).toBeVisible();
  await expect(page.getByLabel('Display name')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Join' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Facilitator sign-in' })).toHaveAttribute('href', '/facilitator');
});

test('the home page has no serious or critical accessibility violation', async ({ page }) => {
  await page.goto('/');
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) {
    const report = serious.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target) }));
    console.log(JSON.stringify(report, null, 2));
  }
  expect(serious).toEqual([]);
});

test('joining upper-cases the room code and goes to the play page, without the name in the address', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Room code').fill('abc234');
  await expect(page.getByLabel('Room code')).toHaveValue('ABC234');
  await page.getByLabel('Display name').fill('Ada L');
  await page.getByRole('button', { name: 'Join' }).click();
  // No such room: the join was tried (with the name), and the name never reached the address bar.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Could not join room ABC234');
  expect(page.url()).toMatch(/\/play\/ABC234$/);
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await skip.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});

test('the server reports healthy with its version', async ({ request }) => {
  const res = await request.get('/healthz');
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ ok: true, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
});
