import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { call, createSession, expectNoSeriousViolation, facilitator, joinFromHome, LEADER_USA, pageErrors, PHONE, startGame } from './helpers';

/** Issue 7, item 21: a broadcast from Control is seen wherever the student is on the page, and heard. */

const banner = (page: Page) => page.getByRole('region', { name: 'Messages from Control' });
const assertive = (page: Page) => page.locator('.game-screen [aria-live="assertive"]');

test('a broadcast shows at the top of the game screen, is announced, and stays dismissed', async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  pageErrors.length = 0;
  const { api } = await facilitator(baseURL!);
  const game = await startGame(browser, api, ['Ana', 'Ben', 'Chloe', 'Dev'], { viewport: PHONE, inBrowser: [LEADER_USA] });
  await call(api, 'session.skip', { sessionId: game.sessionId });
  const student = game.pages[0]!;
  await expect(student.locator('.clock')).toContainText('Round 1');
  // Reading far down the page when Control speaks.
  await student.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));

  await call(api, 'session.broadcast', { sessionId: game.sessionId, text: 'Five minutes left: the President addresses the nation at nine.' });
  await expect(banner(student)).toBeInViewport();
  await expect(banner(student)).toContainText('Five minutes left: the President addresses the nation at nine.');
  await expect(assertive(student)).toContainText('Five minutes left: the President addresses the nation at nine.');
  await expectNoSeriousViolation(student, 'broadcast banner');

  // Round 1's news flash arrived with it; each goes on its own, or all at once.
  await expect(banner(student)).toContainText('Soviet ships reach the quarantine line');
  await banner(student).getByRole('button', { name: /^Dismiss: Five minutes left/ }).click();
  await expect(banner(student)).not.toContainText('Five minutes left');
  await banner(student).getByRole('button', { name: /^Dismiss/ }).click();
  await expect(banner(student)).toHaveCount(0);
  // The news list still has it.
  await expect(student.getByRole('region', { name: 'The table' })).toContainText('Five minutes left');
  await student.reload();
  await expect(student.locator('.clock')).toContainText('Round 1');
  await expect(banner(student)).toHaveCount(0);

  // One that arrived while the page was closed is shown on return.
  const context = student.context();
  const state = await context.storageState();
  await context.close();
  await call(api, 'session.broadcast', { sessionId: game.sessionId, text: 'Round 1 ends early.' });
  const back = await (await browser.newContext({ viewport: PHONE, storageState: state })).newPage();
  await back.goto(`/play/${game.code}`);
  await expect(banner(back)).toContainText('Round 1 ends early.');
  await expect(banner(back)).not.toContainText('Five minutes left');

  expect(pageErrors).toEqual([]);
  await api.dispose();
  await back.context().close();
  for (const s of game.sockets) s.close();
});

test('a broadcast in the lobby shows at the top too', async ({ browser, baseURL }) => {
  pageErrors.length = 0;
  const { api } = await facilitator(baseURL!);
  const { sessionId, code } = await createSession(api);
  const student = await joinFromHome(browser, code, 'Zoe', { viewport: PHONE });
  await student.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await call(api, 'session.broadcast', { sessionId, text: 'We start in two minutes.' });
  await expect(banner(student)).toBeInViewport();
  await expect(assertive(student)).toContainText('We start in two minutes.');
  expect(pageErrors).toEqual([]);
  await api.dispose();
  await student.context().close();
});
