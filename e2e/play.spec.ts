import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { call, expectNoSeriousViolation, expectNoSidewaysScroll, facilitator, joinFromHome, LEADER_USA, LEADER_USSR, newPage, pageErrors, SCENARIO } from './helpers';

/**
 * The student's game screen against the real server: four students join through the home page
 * (a fifth after picking a free name), a facilitator (through the HTTP API) deals and starts,
 * they talk on the front channel, open a back channel, make a deal, lose and regain the
 * connection, and a refresh puts a student back in the same seat.
 */

const frontLog = (page: Page) => page.getByRole('log', { name: 'Messages in Front channel' });

test('/play?code=…&name=… (the form before the page is interactive) lands on /play/CODE and keeps the name out of the address', async ({ page }) => {
  await page.goto('/play?code=abc234&name=Zed%20Q');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Could not join room ABC234');
  expect(page.url()).toMatch(/\/play\/ABC234$/);
});

test('a link with ?name= joins under that name and drops it from the address', async ({ browser, baseURL }) => {
  const { api } = await facilitator(baseURL!);
  const { code } = await call<{ code: string }>(api, 'session.create', { scenarioId: SCENARIO, options: {} });
  const page = await newPage(browser);
  await page.goto(`/play/${code}?name=Zed%20Q`);
  await expect(page.getByRole('heading', { name: /In the room/ })).toBeVisible();
  await expect(page.locator('.player-list')).toContainText('Zed Q');
  expect(page.url()).toMatch(new RegExp(`/play/${code}$`));
  await api.dispose();
  await page.context().close();
});

test('an unknown room says so and offers another code', async ({ page }) => {
  await page.goto('/play/ZZZZZZ?name=Nobody');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Could not join room ZZZZZZ');
  await expect(page.getByRole('alert').filter({ hasText: 'no open room' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Enter another code' })).toBeVisible();
});

test('students join, get roles, talk in public and in a back channel, and survive a refresh', async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  pageErrors.length = 0;
  const { api } = await facilitator(baseURL!);
  const { sessionId, code } = await call<{ sessionId: string; code: string }>(api, 'session.create', {
    scenarioId: SCENARIO,
    options: { tableCount: 1, phaseDurations: {}, leakSensitivity: 1, openChannels: {} },
  });

  const names = ['Ana', 'Ben', 'Chloe', 'Dev'];
  const pages: Page[] = [];
  for (const name of names) pages.push(await joinFromHome(browser, code, name));

  // Everyone's lobby lists everyone.
  for (const page of pages) {
    await expect(page.getByRole('heading', { name: 'In the room (4 players)' })).toBeVisible();
    for (const name of names) await expect(page.locator('.player-list')).toContainText(name);
  }
  await pages[0]!.screenshot({ path: '/tmp/play-lobby.png', fullPage: true });
  await expectNoSeriousViolation(pages[0]!, 'lobby');

  // A name already in the room is refused with the server's message; another name gets in.
  const late = await newPage(browser);
  await late.goto(`/play/${code}?name=Ana`);
  await expect(late.getByRole('alert').filter({ hasText: 'already called' })).toBeVisible();
  await expectNoSeriousViolation(late, 'name form');
  await late.getByLabel('Display name').fill('Eve');
  await late.getByRole('button', { name: 'Join' }).click();
  await expect(late.getByRole('heading', { name: 'In the room (5 players)' })).toBeVisible();
  await expect(pages[0]!.getByRole('heading', { name: 'In the room (5 players)' })).toBeVisible();
  pages.push(late);

  await call(api, 'session.deal', { sessionId });
  await expect(pages[0]!.getByRole('heading', { name: 'Your role' })).toBeVisible();
  await expect(pages[0]!.getByText('Roles are dealt')).toBeVisible();
  await call(api, 'session.start', { sessionId });

  // Every student sees a role card; find the two leaders.
  const roleOf = new Map<string, Page>();
  for (const page of pages) {
    await expect(page.locator('.clock')).toContainText('Briefing');
    await expect(page.getByRole('heading', { name: 'Your role' })).toBeVisible();
    roleOf.set((await page.locator('.role-name').textContent()) ?? '', page);
  }
  const journalist = [...roleOf.entries()].find(([title]) => /correspondent/i.test(title))?.[1];
  const usa = roleOf.get(LEADER_USA);
  const ussr = roleOf.get(LEADER_USSR);
  expect(usa, `roles dealt: ${[...roleOf.keys()].join(', ')}`).toBeDefined();
  expect(ussr).toBeDefined();
  await usa!.screenshot({ path: '/tmp/play-briefing.png', fullPage: true });

  // The short brief comes first; the full brief is behind a disclosure that opens from the keyboard.
  await expect(usa!.locator('.brief-short')).toContainText('Your limits:');
  const fullBrief = usa!.locator('.brief-details > summary');
  await expect(fullBrief).toHaveText('Read your full brief: what you know and your limits');
  await expect(usa!.getByRole('heading', { name: 'What you know' })).toBeHidden();
  await fullBrief.focus();
  await usa!.keyboard.press('Enter');
  await expect(usa!.getByRole('heading', { name: 'What you know' })).toBeVisible();

  // Skip the briefing: round 1 opens the front channel.
  await call(api, 'session.skip', { sessionId });
  for (const page of pages) await expect(page.locator('.clock')).toContainText('Round 1');
  await expect(usa!.locator('[aria-live="polite"]').filter({ hasText: 'Round 1 — Discovery has started.' })).toHaveCount(1);

  // A leader speaks on the record; everyone at the table reads it.
  const statement = 'The United States demands the removal of the missiles from Cuba.';
  // The briefing started everyone on a side on their team channel, the only one open then.
  for (const page of pages) {
    if (page !== journalist) await expect(page.getByRole('tab', { name: /Team:/ })).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('tab', { name: /Front channel/ }).click();
  }
  await usa!.getByLabel('Message in Front channel').fill(statement);
  await usa!.getByRole('button', { name: 'Send' }).click();
  for (const page of pages) await expect(frontLog(page)).toContainText(statement);
  await expect(usa!.getByLabel('Message in Front channel')).toHaveValue('');

  // The journalist reads the front channel but does not speak in it; the newsroom is theirs.
  expect(journalist, 'the fifth player is dealt a journalist').toBeDefined();
  await expect(journalist!.getByLabel('Message in Front channel')).toBeDisabled();
  await expect(journalist!.getByText('Journalists report on the front channel but do not speak in it.')).toBeVisible();
  await expect(journalist!.getByRole('heading', { name: 'Your newsroom' })).toBeVisible();
  await journalist!.getByLabel('Investigate a person').selectOption({ index: 1 });
  await journalist!.getByRole('button', { name: 'Investigate', exact: true }).click();
  await expect(journalist!.getByText(/^Investigating/)).toBeVisible();
  await journalist!.screenshot({ path: '/tmp/play-journalist.png', fullPage: true });
  await expectNoSeriousViolation(journalist!, 'journalist screen');

  // A back channel: the American leader invites the Soviet leader, who accepts.
  await usa!.getByText('Open a back channel').click();
  await usa!.getByLabel(new RegExp(LEADER_USSR)).check();
  await usa!.getByLabel('Topic').fill('A quiet trade');
  await usa!.getByRole('button', { name: 'Send invitations' }).click();
  await expect(usa!.getByRole('tab', { name: /Back channel: A quiet trade/ })).toHaveAttribute('aria-selected', 'true');

  const invitations = ussr!.getByRole('region', { name: /Invitations/ });
  await expect(invitations).toContainText('A quiet trade');
  await invitations.getByRole('button', { name: 'Accept' }).click();
  await expect(invitations).toHaveCount(0);
  const backTab = ussr!.getByRole('tab', { name: /Back channel: A quiet trade/ });
  await expect(backTab).toHaveAttribute('aria-selected', 'true');
  await expect(backTab).toContainText('leak risk:');

  const secret = 'Take the Jupiters out of Turkey quietly and we can talk.';
  await ussr!.getByLabel('Message in Back channel: A quiet trade').fill(secret);
  await ussr!.getByLabel('Message in Back channel: A quiet trade').press('Control+Enter');
  await expect(usa!.getByRole('log', { name: 'Messages in Back channel: A quiet trade' })).toContainText(secret);
  // A message in a channel that is not selected is counted as new on its tab.
  const sovietEnvoy = roleOf.get('Ambassador Anatoly Dobrynin (Soviet envoy in Washington)');
  await sovietEnvoy!.getByRole('tab', { name: /Team: Soviet Union/ }).click();
  await sovietEnvoy!.getByLabel('Message in Team: Soviet Union').fill('Comrade Chairman, Kennedy wants an answer today.');
  await sovietEnvoy!.getByRole('button', { name: 'Send' }).click();
  await expect(ussr!.getByRole('tab', { name: /Team: Soviet Union/ })).toContainText('1 new');
  // The envoys are not in it and do not see it.
  for (const page of pages.filter((p) => p !== usa && p !== ussr)) {
    await expect(page.getByRole('tab', { name: /A quiet trade/ })).toHaveCount(0);
  }

  await usa!.screenshot({ path: '/tmp/play-game.png', fullPage: true });
  await usa!.evaluate(() => window.scrollTo(0, 0));
  await usa!.screenshot({ path: '/tmp/play-game-top.png' });
  await expectNoSeriousViolation(usa!, 'game screen');

  // A refresh puts the student back in the same seat, in the channel they had open, with the messages.
  await ussr!.reload();
  await expect(ussr!.locator('.role-name')).toHaveText(LEADER_USSR);
  await expect(ussr!.getByRole('tab', { name: /A quiet trade/ })).toHaveAttribute('aria-selected', 'true');
  await expect(ussr!.getByRole('log', { name: 'Messages in Back channel: A quiet trade' })).toContainText(secret);
  await ussr!.getByRole('tab', { name: /Front channel/ }).click();
  await expect(frontLog(ussr!)).toContainText(statement);
  await ussr!.getByRole('tab', { name: /A quiet trade/ }).click();
  await expect(ussr!.getByRole('heading', { name: /In the room/ })).toHaveCount(0);

  // A dropped connection shows a discreet status and comes back by itself.
  await ussr!.context().setOffline(true);
  await expect(ussr!.getByRole('status').filter({ hasText: 'Reconnecting…' })).toBeVisible({ timeout: 40_000 });
  await ussr!.context().setOffline(false);
  await expect(ussr!.getByRole('status').filter({ hasText: 'Reconnecting…' })).toHaveCount(0, { timeout: 20_000 });

  // Arrow keys move between channel tabs.
  await ussr!.getByRole('tab', { name: /A quiet trade/ }).press('Home');
  await expect(ussr!.getByRole('tab', { name: /Front channel/ })).toBeFocused();
  await expect(ussr!.getByRole('tab', { name: /Front channel/ })).toHaveAttribute('aria-selected', 'true');

  // A deal in the back channel: proposed with a secret term, accepted, signed by both, announced.
  const backOf = (page: Page) => page.getByRole('tabpanel');
  await ussr!.getByRole('tab', { name: /A quiet trade/ }).click();
  await usa!.getByText('Draft a proposal').click();
  await usa!.getByRole('group', { name: 'Soviet missiles in Cuba' }).getByRole('radio', { name: 'Dismantled and shipped back to the USSR under United Nations verification' }).check();
  await usa!.getByRole('group', { name: 'Jupiter missiles in Turkey' }).getByRole('radio', { name: 'Removed from Turkey within a few months' }).check();
  await usa!.getByRole('group', { name: 'Jupiter missiles in Turkey' }).getByLabel(/Secret term/).check();
  await usa!.getByLabel(/^Official/).check();
  await usa!.getByRole('button', { name: 'Table the proposal' }).click();
  const proposal = backOf(ussr!).locator('.proposal');
  await expect(proposal).toContainText('Jupiter missiles in Turkey: Removed from Turkey within a few months');
  await expect(proposal).toContainText('Secret');
  await expect(proposal).toContainText('Accepted by: United States · waiting for: Soviet Union');
  await proposal.getByRole('button', { name: 'Accept' }).click();
  await expect(proposal).toContainText('Accepted by: United States, Soviet Union');
  await proposal.getByRole('button', { name: 'Sign' }).click();
  await backOf(usa!).locator('.proposal').getByRole('button', { name: 'Sign' }).click();
  await expect(usa!.getByRole('region', { name: 'The table' })).toContainText('Concluded, not announced');
  await usa!.getByRole('button', { name: 'Announce the agreement' }).click();
  for (const page of pages) await expect(page.getByRole('region', { name: 'The table' })).toContainText('Announced');

  // The small screen: one column.
  await ussr!.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(ussr!, 'game screen at 390 px');
  await ussr!.screenshot({ path: '/tmp/play-mobile.png', fullPage: true });
  await ussr!.screenshot({ path: '/tmp/play-mobile-top.png' });
  await expectNoSeriousViolation(ussr!, 'game screen on a phone');
  await ussr!.emulateMedia({ colorScheme: 'dark' });
  await ussr!.screenshot({ path: '/tmp/play-mobile-dark.png' });
  await expectNoSeriousViolation(ussr!, 'game screen, dark scheme');

  // The end: scores, my objectives and the debrief.
  await call(api, 'session.end', { sessionId });
  const end = ussr!.getByRole('region', { name: 'The session has ended' });
  await expect(end).toBeVisible();
  await expect(end.getByRole('table', { name: /^Scores at your table/ })).toContainText('(you)');
  // Roles have different maximums: scores are shown, and ranked, as a share of each role's own.
  await expect(end.getByRole('heading', { name: /^Your score: -?\d+ of \d+ points \(-?\d+%\)$/ })).toBeVisible();
  await expect(end.getByRole('columnheader', { name: 'Share of maximum' })).toBeVisible();
  await expect(end.getByRole('heading', { name: 'What really happened' })).toBeVisible();
  await expect(ussr!.getByLabel(/^Message in/)).toBeDisabled();
  await end.screenshot({ path: '/tmp/play-end.png' });
  await expectNoSeriousViolation(ussr!, 'end screen');

  expect(pageErrors).toEqual([]);
  await api.dispose();
  for (const page of pages) await page.context().close();
});
