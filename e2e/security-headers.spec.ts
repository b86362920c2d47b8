// The Content-Security-Policy in a real browser: every page sends the security headers, its
// scripts carry the response's nonce, the page hydrates, and the browser reports no violation.
// Another site cannot frame a page.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const PAGES = ['/', '/facilitator', '/setup', '/play/ABC234', '/room/ABC234'];

/** Records every CSP violation the page's document reports, from before its first script. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) consoleErrors.push(message.text());
  });
  return async () => [...consoleErrors, ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations))];
}

for (const path of PAGES) {
  test(`${path} sends the security headers, hydrates and breaks no policy`, async ({ page }) => {
    const violations = await watchViolations(page);
    const response = await page.goto(path);
    expect(response).not.toBeNull();
    const headers = response!.headers();
    const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(headers['content-security-policy'] ?? '')?.[1];
    expect(nonce, headers['content-security-policy']).toBeTruthy();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('same-origin');
    expect(headers['permissions-policy']).toContain('camera=()');

    // Next's client ran (it sets window.next once the app router has booted) …
    await page.waitForFunction(() => (window as unknown as { next?: { version?: string } }).next?.version !== undefined);
    // … with every script of the page carrying this response's nonce.
    const scripts = await page.evaluate(() => [...document.querySelectorAll('script')].map((s) => s.nonce));
    expect(scripts.length).toBeGreaterThan(0);
    expect(new Set(scripts)).toEqual(new Set([nonce]));
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);
  });

  // The header is the server's: two plain requests show it, without rendering the page twice.
  test(`${path} gets a new nonce on every load`, async ({ request }) => {
    const first = (await request.get(path)).headers()['content-security-policy'];
    const second = (await request.get(path)).headers()['content-security-policy'];
    expect(first).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(first).not.toBe(second);
  });
}

test('the home page works after hydration: the room code is upper-cased as it is typed', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/');
  await page.getByLabel('Room code').fill('abc234');
  await expect(page.getByLabel('Room code')).toHaveValue('ABC234');
  expect(await violations()).toEqual([]);
});

test('another site cannot frame the facilitator dashboard', async ({ page, baseURL }) => {
  // The dashboard itself shows its sign-in form …
  await page.goto('/facilitator');
  await expect(page.locator('input').first()).toBeVisible();
  // … but not inside another page: the browser refuses to render it in the frame.
  await page.setContent(`<iframe src="${baseURL}/facilitator" width="600" height="400"></iframe>`, { waitUntil: 'load' });
  const frame = page.frames().find((f) => f !== page.mainFrame());
  expect(frame).toBeDefined();
  const inputs = await frame!.evaluate(() => document.querySelectorAll('input').length).catch(() => 0);
  expect(inputs).toBe(0);
});
