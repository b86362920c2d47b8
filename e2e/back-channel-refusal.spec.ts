import { expect, test } from './fixtures';
import { call, facilitator, LEADER_USA, LEADER_USSR, pageErrors, rolePage, startGame } from './helpers';

/** Issue 7, item 16: an invitation refused is said to the inviter, live and after a reload. */
test('the inviter is told when an invitation to a back channel is refused', async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  pageErrors.length = 0;
  const { api } = await facilitator(baseURL!);
  const names = ['Ana', 'Ben', 'Chloe', 'Dev'];
  const game = await startGame(browser, api, names, { inBrowser: [LEADER_USA, LEADER_USSR] });
  await call(api, 'session.skip', { sessionId: game.sessionId });
  const usa = rolePage(game, LEADER_USA);
  const ussr = rolePage(game, LEADER_USSR);
  await expect(usa.locator('.clock')).toContainText('Round 1');

  await usa.getByText('Open a back channel').click();
  await usa.getByLabel(new RegExp(LEADER_USSR)).check();
  await usa.getByLabel('Topic').fill('A quiet trade');
  await usa.getByRole('button', { name: 'Send invitations' }).click();
  const tab = usa.getByRole('tab', { name: /Back channel: A quiet trade/ });
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  // Looking at another channel when the answer comes.
  await usa.getByRole('tab', { name: /Front channel/ }).click();

  const invitations = ussr.getByRole('region', { name: /Invitations/ });
  await invitations.getByRole('button', { name: 'Refuse' }).click();
  await expect(invitations).toHaveCount(0);

  // Said aloud, flagged on the tab, and written in the channel.
  await expect(usa.locator('[aria-live="polite"]').filter({ hasText: /refused the invitation to the back channel “A quiet trade”/ })).toHaveCount(1);
  await expect(tab).toContainText(/refused/i);
  await tab.click();
  const panel = usa.getByRole('tabpanel');
  await expect(panel).toContainText(new RegExp(`refused: .*${LEADER_USSR}`, 'i'));
  await expect(panel.getByText(/Nobody else is in this back channel/)).toBeVisible();

  // Still known after a reload: the refusal is part of the view, not a passing message.
  await usa.reload();
  await usa.getByRole('tab', { name: /A quiet trade/ }).click();
  await expect(usa.getByRole('tabpanel')).toContainText(new RegExp(`refused: .*${LEADER_USSR}`, 'i'));

  // Invited again, the refusal is no longer shown.
  const ussrName = game.nameOf.get(ussr);
  await usa.getByLabel('Bring someone in').selectOption({ label: `${ussrName} — ${LEADER_USSR}` });
  await usa.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(usa.getByRole('tabpanel')).toContainText('Invited, not answered yet');
  await expect(usa.getByRole('tabpanel')).not.toContainText(/refused/i);

  expect(pageErrors).toEqual([]);
  await api.dispose();
  for (const page of game.pages) await page.context().close();
  for (const s of game.sockets) s.close();
});
