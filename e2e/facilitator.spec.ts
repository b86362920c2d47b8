import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { projectRoot } from '../server/paths';
import { expect, test } from './fixtures';
import { ENV } from './server';
import { SocketPlayer } from './socket-player';

/**
 * The facilitator's path through the real pages: sign in, create a session, watch a student
 * arrive live, lock the room, deal and start, pause and resume, end.
 */

async function noSeriousViolations(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${where}: ${v.id} — ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test('a facilitator signs in, creates a session and runs its lobby from the dashboard', async ({ page, browser, baseURL }) => {
  // Three browsers on two shared cores: the default 30 s is not enough on a busy machine.
  test.setTimeout(300_000);
  const tempDir = process.env[ENV.tempDir];
  if (!tempDir) throw new Error(`${ENV.tempDir} is not set`);
  const email = `teacher-${Date.now()}@example.org`;
  const password = 'correct horse battery staple';
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/facilitator.ts', 'create', '--email', email, '--password', password], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: path.join(tempDir, 'e2e.db') },
    stdio: 'pipe',
  });

  await page.goto('/facilitator');
  await expect(page.getByRole('heading', { name: 'Facilitator sign-in' })).toBeVisible();
  await noSeriousViolations(page, 'sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('p.error[role=alert]')).toContainText('do not match');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('heading', { name: 'Your sessions' })).toBeVisible();
  await page.getByRole('button', { name: 'New session' }).click();
  await expect(page.getByLabel('Scenario')).toContainText('The Cuban Missile Crisis');
  await expect(page.getByLabel('Scenario')).toContainText('Oslo');
  await page.getByLabel('Scenario').selectOption('cuban-missile-crisis');
  await page.getByRole('button', { name: 'Create session' }).click();
  const heading = page.getByRole('heading', { name: /^Room / });
  await expect(heading).toBeVisible();
  const code = (await heading.locator('.code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
  await noSeriousViolations(page, 'dashboard');

  // The room screen for the projector shows the code and a QR code.
  const projector = await (await browser.newContext()).newPage();
  await projector.goto(`/room/${code}`);
  await expect(projector.getByText(code, { exact: true })).toBeVisible();
  await expect(projector.getByRole('img', { name: /QR code for .*\/play\// })).toBeVisible();

  // A student arrives: the dashboard and the room screen show them without a reload.
  const student = await (await browser.newContext()).newPage();
  await student.goto(`/play/${code}?name=Ana`);
  await expect(student.getByRole('heading', { name: /In the room/ })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Waiting for a seat' })).toContainText('Ana');
  await expect(projector.getByText(/1 person is in the room: Ana/)).toBeVisible();
  await noSeriousViolations(projector, 'room screen, lobby');

  await page.getByRole('button', { name: 'Lock room' }).click();
  await expect(page.getByText(/room locked/)).toBeVisible();
  // One player cannot fill a table: the refusal is shown, in words.
  await page.getByRole('button', { name: 'Deal roles' }).click();
  await expect(page.locator('p.error[role=alert]')).toContainText('needs at least 4 players');
  await page.getByRole('button', { name: 'Unlock room' }).click();
  // Three more students whose screens are not under test here: sockets, not browsers.
  const others: SocketPlayer[] = [];
  for (const name of ['Ben', 'Chen', 'Dara']) others.push(await SocketPlayer.join(baseURL!, code, name));
  await expect(page.getByRole('heading', { name: /^Players \(4\)/ })).toBeVisible();
  await page.getByRole('button', { name: 'Deal roles' }).click();
  await expect(page.getByRole('region', { name: 'Table 1' })).toContainText('Ana');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByText(/left$/).first()).toBeVisible();
  await page.getByRole('button', { name: 'Pause all tables' }).click();
  await expect(page.getByText('left (paused)').first()).toBeVisible();
  await page.getByRole('button', { name: 'Resume all tables' }).click();
  const broadcast = page.getByRole('form', { name: 'Broadcast' });
  await broadcast.getByLabel('Message').fill('Five minutes to read your briefs.');
  await broadcast.getByLabel('To').selectOption('all');
  await broadcast.getByRole('button', { name: 'Broadcast' }).click();
  await expect(student.getByRole('region', { name: 'Messages from Control' })).toContainText('Five minutes to read your briefs.');
  await expect(projector.getByText('Five minutes to read your briefs.')).toBeVisible();
  await expect(projector.getByRole('heading', { name: 'Table 1' })).toBeVisible();
  await expect(projector.getByRole('meter', { name: /Public support/ }).first()).toBeVisible();
  await noSeriousViolations(page, 'running session');
  await noSeriousViolations(projector, 'room screen, running');
  await page.getByRole('button', { name: 'End session' }).click();
  await page.getByRole('dialog', { name: 'End the session for everyone?' }).getByRole('button', { name: 'End session' }).click();
  await expect(page.getByRole('heading', { name: 'Scores and outcomes' })).toBeVisible();
  for (const p of others) p.close();
});
