import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  call,
  createAccount,
  expectNoSeriousViolation,
  expectNoSidewaysScroll,
  godView,
  LEADER_USA,
  LEADER_USSR,
  newPage,
  pageErrors,
  PHONE,
} from './helpers';
import { SocketPlayer, until } from './socket-player';

/**
 * Every screen on a 360 px phone: nothing scrolls sideways, collapsed sections show that they
 * open, the options of a proposal can be read whole, and the briefing does not bury the channels.
 */

/** A <summary> shows a disclosure marker: the browser's own (list-item) or one we draw before it. */
async function expectDisclosureMarker(summary: Locator, where: string): Promise<void> {
  const marker = await summary.evaluate((el) => {
    const style = getComputedStyle(el);
    const before = getComputedStyle(el, '::before').content;
    return { display: style.display, before };
  });
  const drawn = marker.before !== 'none' && marker.before !== 'normal' && marker.before !== '""';
  expect.soft(marker.display === 'list-item' || drawn, `${where}: the summary shows no disclosure arrow (${JSON.stringify(marker)})`).toBe(true);
}

/** Soft: one run lists every screen that does not fit, not only the first. */
async function phone(page: Page, where: string): Promise<void> {
  await expectNoSidewaysScroll(page, where, { soft: true });
}

test('every screen fits a 360 px phone', async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  pageErrors.length = 0;

  // The home page and the facilitator's pages.
  const home = await newPage(browser, { viewport: PHONE });
  await home.goto('/');
  await phone(home, 'home');
  await home.goto('/setup');
  await expect(home.getByRole('heading', { level: 1 })).toBeVisible();
  await phone(home, 'setup');

  const email = `phone-${Date.now()}@example.org`;
  const password = 'correct horse battery staple';
  createAccount(email, password);
  const teacher = await newPage(browser, { viewport: PHONE });
  await teacher.goto('/facilitator');
  await expect(teacher.getByRole('heading', { name: 'Facilitator sign-in' })).toBeVisible();
  await phone(teacher, 'facilitator sign-in');
  await teacher.getByLabel('Email').fill(email);
  await teacher.getByLabel('Password').fill(password);
  await teacher.getByRole('button', { name: 'Sign in' }).click();
  await expect(teacher.getByRole('heading', { name: 'Your sessions' })).toBeVisible();
  await teacher.getByRole('button', { name: 'New session' }).click();
  await teacher.getByLabel('Scenario').selectOption('cuban-missile-crisis');
  await teacher.getByRole('button', { name: 'Create session' }).click();
  const heading = teacher.getByRole('heading', { name: /^Room / });
  await expect(heading).toBeVisible();
  const code = ((await heading.locator('.code').textContent()) ?? '').trim();
  await phone(teacher, 'facilitator dashboard');
  const listed = await teacher.request.get('/api/trpc/session.list');
  const sessions = ((await listed.json()) as { result: { data: { sessionId: string; code: string }[] } }).result.data;
  const sessionId = sessions.find((s) => s.code === code)!.sessionId;

  const projector = await newPage(browser, { viewport: PHONE });
  await projector.goto(`/room/${code}`);
  await expect(projector.getByText(code, { exact: true })).toBeVisible();
  await phone(projector, 'room screen, lobby');

  // Students: the first through the room's own join form, the second from the home page, three
  // more over sockets (their screens are looked at only if they are dealt a role this test needs).
  const pages: Page[] = [];
  for (const [i, name] of ['Ana', 'Ben'].entries()) {
    const page = await newPage(browser, { viewport: PHONE });
    if (i === 0) {
      await page.goto(`/play/${code}`);
      await expect(page.getByRole('heading', { name: `Join room ${code}` })).toBeVisible();
      await phone(page, 'join form');
      await page.getByLabel('Display name').fill(name);
      await page.getByRole('button', { name: 'Join' }).click();
    } else {
      await page.goto('/');
      await page.getByLabel('Room code').fill(code);
      await page.getByLabel('Display name').fill(name);
      await page.getByRole('button', { name: 'Join' }).click();
    }
    await expect(page.getByRole('heading', { name: /In the room/ })).toBeVisible();
    pages.push(page);
  }
  const sockets: SocketPlayer[] = [];
  for (const name of ['Chloe', 'Dev', 'Eve']) sockets.push(await SocketPlayer.join(baseURL!, code, name));
  await expect(pages[0]!.getByRole('heading', { name: 'In the room (5 players)' })).toBeVisible();
  await phone(pages[0]!, 'lobby');
  await expectDisclosureMarker(pages[0]!.locator('summary', { hasText: 'Public background' }), 'lobby: Public background');

  // Deal and start from the dashboard.
  await teacher.getByRole('button', { name: 'Deal roles' }).click();
  await expect(teacher.getByRole('heading', { name: 'Table 1' })).toBeVisible();
  await teacher.getByRole('button', { name: 'Start' }).click();
  const roleOf = new Map<string, Page>();
  for (const page of pages) {
    await expect(page.locator('.clock')).toContainText('Briefing');
    roleOf.set((await page.locator('.role-name').first().textContent()) ?? '', page);
  }
  // A role this test needs that a socket holds: a phone takes the seat over by the hand-over link.
  await until(() => sockets.every((s) => s.view.session.status === 'running'), 'the socket seats to start');
  for (const needed of [LEADER_USA, LEADER_USSR, /correspondent/i]) {
    const holder = sockets.find((s) => (typeof needed === 'string' ? s.view.me.role?.title === needed : needed.test(s.view.me.role?.title ?? '')));
    if (!holder) continue;
    holder.close();
    const page = await newPage(browser, { viewport: PHONE });
    await page.goto(`/play/${code}#seat=${encodeURIComponent(holder.token)}`);
    await expect(page.locator('.clock')).toContainText('Briefing');
    roleOf.set(holder.view.me.role!.title, page);
    pages.push(page);
  }
  const usa = roleOf.get(LEADER_USA)!;
  const ussr = roleOf.get(LEADER_USSR)!;
  const journalist = [...roleOf.entries()].find(([t]) => /correspondent/i.test(t))?.[1];
  expect(usa && ussr && journalist, `roles: ${[...roleOf.keys()].join(', ')}`).toBeTruthy();

  // The briefing: the channels are within reach near the top, the brief one tap away.
  await phone(usa, 'briefing');
  const channelsTop = (await usa.getByRole('heading', { name: 'Channels', exact: true }).boundingBox())?.y ?? Infinity;
  expect(channelsTop, 'briefing: the channels start within the first two screens').toBeLessThan(2 * PHONE.height);
  await usa.getByRole('link', { name: /your (role|brief)/i }).first().click();
  await expect(usa.getByRole('heading', { name: 'Your role' })).toBeInViewport();
  await expectNoSeriousViolation(usa, 'briefing on a phone');

  // Round 1: a back channel, a proposal drafted with whole options.
  await teacher.getByRole('button', { name: 'End this phase now for all tables' }).click();
  await teacher.getByRole('dialog', { name: /End this phase now for all tables/ }).getByRole('button', { name: 'End phase now' }).click();
  await expect(usa.locator('.clock')).toContainText('Round 1');
  await phone(usa, 'game screen');
  const openBack = usa.locator('summary', { hasText: 'Open a back channel' });
  await expectDisclosureMarker(openBack, 'Open a back channel');
  await openBack.click();
  await usa.getByLabel(new RegExp(LEADER_USSR)).check();
  await usa.getByLabel('Topic').fill('A quiet trade');
  await usa.getByRole('button', { name: 'Send invitations' }).click();
  await ussr.getByRole('region', { name: /Invitations/ }).getByRole('button', { name: 'Accept' }).click();
  await expect(usa.getByRole('tab', { name: /Back channel: A quiet trade/ })).toHaveAttribute('aria-selected', 'true');
  const draft = usa.locator('summary', { hasText: 'Draft a proposal' });
  await expectDisclosureMarker(draft, 'Draft a proposal');
  await draft.click();
  const longest = 'Dismantled and shipped back to the USSR under United Nations verification';
  const option = usa.getByRole('radio', { name: longest });
  await option.check();
  await expect(option).toBeChecked();
  const label = usa.locator('label', { hasText: longest });
  await expect(label).toBeVisible();
  const box = await label.boundingBox();
  expect(box!.x + box!.width, 'the chosen option is readable whole').toBeLessThanOrEqual(PHONE.width);
  await phone(usa, 'proposal form');
  await expectNoSeriousViolation(usa, 'game screen on a phone');
  await phone(journalist!, 'journalist screen');

  // A leak the journalist publishes exposes the back channel: the badge must fit too.
  const secret = 'Take the Jupiters out of Turkey quietly and we can talk.';
  await ussr.getByRole('tab', { name: /A quiet trade/ }).click();
  await ussr.getByLabel('Message in Back channel: A quiet trade').fill(secret);
  await ussr.getByRole('button', { name: 'Send' }).click();
  await expect(usa.getByRole('log', { name: 'Messages in Back channel: A quiet trade' })).toContainText(secret);
  const facilitatorApi = teacher.request;
  const god = await godView(baseURL!, await teacher.context().cookies(), sessionId);
  const messageId = god.view().messages.find((m) => m.text === secret)!.id;
  god.close();
  await call(facilitatorApi, 'session.leakMessage', { sessionId, messageId, form: 'quote' });
  // The back-channel message may also have leaked by its own roll (a paraphrase tip): use the quote.
  const quoted = journalist!.getByRole('listitem').filter({ hasText: 'Quote' }).filter({ hasText: secret });
  await quoted.getByRole('button', { name: 'Write a story from this tip' }).click();
  await journalist!.getByLabel('Headline').fill('Secret talks over Turkey');
  await journalist!.getByLabel('Story').fill('A source close to the Kremlin says the missiles in Turkey are on the table.');
  await journalist!.getByRole('button', { name: 'Publish story' }).click();
  await expect(usa.getByRole('tabpanel').getByText(/^Exposed/)).toBeVisible();
  await phone(usa, 'exposed back channel');

  await projector.reload();
  await expect(projector.getByRole('heading', { name: 'Table 1' })).toBeVisible();
  await phone(projector, 'room screen, running');

  // The end.
  await teacher.getByRole('button', { name: 'End session' }).click();
  await teacher.getByRole('dialog', { name: 'End the session for everyone?' }).getByRole('button', { name: 'End session' }).click();
  const end = usa.getByRole('region', { name: 'The session has ended' });
  await expect(end.getByRole('table', { name: /^Scores at your table/ })).toContainText('(you)');
  await phone(usa, 'end screen');
  await expectNoSeriousViolation(usa, 'end screen on a phone');

  expect(pageErrors).toEqual([]);
  for (const page of [home, teacher, projector, ...pages]) await page.context().close();
  for (const s of sockets) s.close();
});
