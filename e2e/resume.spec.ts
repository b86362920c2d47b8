import { expect, test } from './fixtures';
import { call, expectNoSeriousViolation, facilitator, LEADER_USA, pageErrors, startGame } from './helpers';

/** Issue 7, item 22: closing the browser and coming back finds the game, the open channel and unsent drafts. */
test('after closing the browser, home offers the game back, with drafts and the open channel', async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  pageErrors.length = 0;
  const { api } = await facilitator(baseURL!);
  const game = await startGame(browser, api, ['Ana', 'Ben', 'Chloe', 'Dev'], { inBrowser: [LEADER_USA] });
  await call(api, 'session.skip', { sessionId: game.sessionId });
  const ana = game.pages[0]!;
  await expect(ana.locator('.clock')).toContainText('Round 1');

  // Two drafts, the front channel open last.
  await ana.getByRole('tab', { name: /Team:/ }).click();
  await ana.getByLabel(/^Message in Team:/).fill('Draft for my team, not sent yet');
  await ana.getByRole('tab', { name: /Front channel/ }).click();
  await ana.getByLabel('Message in Front channel').fill('A public statement, half written');

  // A reload keeps both, and the channel.
  await ana.reload();
  await expect(ana.getByRole('tab', { name: /Front channel/ })).toHaveAttribute('aria-selected', 'true');
  await expect(ana.getByLabel('Message in Front channel')).toHaveValue('A public statement, half written');
  await ana.getByRole('tab', { name: /Team:/ }).click();
  await expect(ana.getByLabel(/^Message in Team:/)).toHaveValue('Draft for my team, not sent yet');

  // Closing the browser keeps what it stores on disk; the home page offers the game back.
  const state = await ana.context().storageState();
  await ana.context().close();
  const again = await (await browser.newContext({ storageState: state })).newPage();
  again.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
  await again.goto('/');
  const back = again.getByRole('link', { name: new RegExp(`Return to your game in room ${game.code}`) });
  await expect(back).toBeVisible();
  await expectNoSeriousViolation(again, 'home with a game to return to');
  await back.click();
  await expect(again).toHaveURL(new RegExp(`/play/${game.code}$`));
  await expect(again.locator('.clock')).toContainText('Round 1');
  await expect(again.getByRole('tab', { name: /Team:/ })).toHaveAttribute('aria-selected', 'true');
  await expect(again.getByLabel(/^Message in Team:/)).toHaveValue('Draft for my team, not sent yet');

  // A sent draft is gone for good.
  await again.getByRole('button', { name: 'Send' }).click();
  await expect(again.getByRole('log', { name: /Messages in Team:/ })).toContainText('Draft for my team, not sent yet');
  await again.reload();
  await expect(again.getByLabel(/^Message in Team:/)).toHaveValue('');

  // A game the device has forgotten is no longer offered.
  await again.goto('/');
  await again.getByRole('button', { name: `Forget this game (room ${game.code})` }).click();
  await expect(again.getByRole('link', { name: /Return to your game/ })).toHaveCount(0);
  await again.reload();
  await expect(again.getByRole('link', { name: /Return to your game/ })).toHaveCount(0);

  expect(pageErrors).toEqual([]);
  await api.dispose();
  await again.context().close();
  for (const s of game.sockets) s.close();
});
