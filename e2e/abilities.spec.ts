import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { call, expectNoSeriousViolation, expectNoSidewaysScroll, facilitator, LEADER_USA, LEADER_USSR, pageErrors, rolePage, startGame } from './helpers';

/**
 * Issue 8, item 3: the screen offers what the engine allows and says why not in the engine's
 * words (the view's `can`), with the engine's limits; no rule is kept in the browser.
 */
test('each seat is offered what the engine allows now, and told why not', async ({ browser, baseURL }) => {
  test.setTimeout(600_000);
  pageErrors.length = 0;
  const { api } = await facilitator(baseURL!);
  // Six: both leaders and envoys, the Washington correspondent and one spoiler.
  // Only the four screens looked at are browsers; the two other seats play over sockets.
  const game = await startGame(browser, api, ['Ana', 'Ben', 'Chloe', 'Dev', 'Eve', 'Finn'], { inBrowser: [LEADER_USA, LEADER_USSR, /^Washington correspondent/, /LeMay|Castro/] });
  const usa = rolePage(game, LEADER_USA);
  const ussr = rolePage(game, LEADER_USSR);
  const journalist = rolePage(game, /^Washington correspondent/);
  const spoiler = rolePage(game, /LeMay|Castro/);

  // The briefing: the back-channel form is there, closed, with the engine's reason.
  await expect(usa.locator('.role-card')).toContainText('You speak for your side, open back channels, make and sign proposals, and announce the deal.');
  await usa.locator('.open-back > summary').click();
  await expect(usa.locator('.open-back .notice')).toContainText('You cannot open a back channel during Briefing');
  await expect(usa.getByRole('button', { name: 'Send invitations' })).toBeHidden();

  await call(api, 'session.skip', { sessionId: game.sessionId });
  for (const page of game.pages) await expect(page.locator('.clock')).toContainText('Round 1');

  // Round 1: whom the leader may invite is the engine's list: leaders and envoys, not the press nor the spoiler.
  await expect(usa.locator('.open-back .notice')).toHaveCount(0);
  await expect(usa.locator('.open-back').getByRole('checkbox')).toHaveCount(3);
  await expect(usa.locator('.open-back')).not.toContainText(/correspondent|LeMay|Castro/);

  // The precondition is the Soviet leader's to meet, not the American's.
  await expect(ussr.getByRole('button', { name: 'Meet the precondition' })).toBeEnabled();
  await expect(usa.getByRole('button', { name: 'Meet the precondition' })).toHaveCount(0);
  await usa.getByRole('tab', { name: /Front channel/ }).click();
  await usa.getByText('Draft a proposal').click();
  await expect(usa.locator('.propose .notice')).toContainText('Official talks cannot start until the precondition is met');

  // The spoiler cannot mobilise yet, and is told why; the journalist's counter shows the engine's limit.
  await expect(spoiler.getByRole('button', { name: 'Mobilise' })).toBeDisabled();
  await expect(spoiler.locator('#mobilise-hint')).toContainText('There is nothing public to rally against yet');
  await expect(journalist.locator('#story-count')).toHaveText('0 / 2000');
  await expect(journalist.getByLabel('Headline')).toHaveAttribute('maxlength', '140');

  // Only the two screens to look at stay open: six live browsers are a lot for a small machine.
  for (const page of game.pages) if (page !== usa && page !== spoiler) await page.context().close();
  await look(usa, 'leader');
  await look(spoiler, 'spoiler');
  expect(pageErrors).toEqual([]);
  await api.dispose();
  for (const page of [usa, spoiler]) await page.context().close();
  for (const s of game.sockets) s.close();
});

/** Screenshots at a phone's, a laptop's and a big screen's width, with the accessibility checks. */
async function look(page: Page, who: string): Promise<void> {
  for (const width of [360, 1280, 1920]) {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
    await page.screenshot({ path: `/tmp/abilities-${who}-${width}.png`, fullPage: true });
    if (width === 360) await expectNoSidewaysScroll(page, `${who} at 360 px`);
  }
  await expectNoSeriousViolation(page, `${who} screen`);
}
