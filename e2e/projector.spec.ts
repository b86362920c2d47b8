import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { call, expectNoSeriousViolation, facilitator, newPage, pageErrors, SCENARIO } from './helpers';
import { ok, SocketPlayer } from './socket-player';

/**
 * The room screen from the back row: the code and QR code while people join; in play a large
 * clock (urgent in the last minute), meters, the latest headline and Control's message, every
 * table as a tile, all within the screen at 1280×720 and 1920×1080; at the end every outcome.
 */

const SCREENS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

/** Nothing scrolls and nothing visible lies outside the screen. */
async function expectFitsScreen(page: Page, where: string) {
  const overflow = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const out: string[] = [];
    if (root.scrollHeight > window.innerHeight + 1 || root.scrollWidth > window.innerWidth + 1) out.push(`page scrolls ${root.scrollWidth}×${root.scrollHeight}`);
    for (const el of Array.from(document.querySelectorAll('.projector h1, .projector h2, .projector-clock, .projector-tile, .projector-headline, .projector-control, .qr'))) {
      const box = el.getBoundingClientRect();
      if (box.bottom > window.innerHeight + 1 || box.right > window.innerWidth + 1) out.push(`${el.className || el.tagName} ends at ${Math.round(box.right)}×${Math.round(box.bottom)}`);
    }
    return out;
  });
  expect(overflow, where).toEqual([]);
}

async function shots(page: Page, name: string) {
  for (const size of SCREENS) {
    await page.setViewportSize(size);
    await expectFitsScreen(page, `${name} at ${size.width}×${size.height}`);
    await page.screenshot({ path: test.info().outputPath(`projector-${name}-${size.width}x${size.height}.png`) });
  }
}

test('the projector is readable from the back row, from joining to the outcome', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const { api } = await facilitator(baseURL!);
  // A one-minute briefing: the clock is in its last minute from the start, without waiting.
  const { sessionId, code } = await call<{ sessionId: string; code: string }>(api, 'session.create', {
    scenarioId: SCENARIO,
    options: { tableCount: 2, phaseDurations: { briefing: 60 }, leakSensitivity: 1, openChannels: {} },
  });
  const projector = await newPage(browser, { viewport: SCREENS[0] });
  await projector.goto(`/room/${code}`);
  await expect(projector.getByLabel(`Room code ${code.split('').join(' ')}`)).toHaveText(code);
  await expect(projector.getByRole('img', { name: /QR code for .*\/play\// })).toBeVisible();

  const students: SocketPlayer[] = [];
  for (const name of ['Ana', 'Ben', 'Chen', 'Dara', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jo']) students.push(await SocketPlayer.join(baseURL!, code, name));
  await expect(projector.getByText(/10 people are in the room/)).toBeVisible();
  await expectNoSeriousViolation(projector, 'projector, lobby');
  await shots(projector, 'lobby');

  await call(api, 'session.deal', { sessionId });
  await call(api, 'session.start', { sessionId });
  await expect(projector.getByRole('heading', { name: 'Table 2' })).toBeVisible();
  await expect(projector.locator('.projector-clock .countdown')).toHaveAttribute('data-urgent', 'true');
  // The corner keeps the code and QR code for late arrivals.
  await expect(projector.locator('.projector-corner')).toContainText(code);
  await call(api, 'session.skip', { sessionId });
  await expect(projector.getByText(/Round 1/)).toBeVisible();
  await expect(projector.locator('.projector-clock .countdown')).toHaveAttribute('data-urgent', 'false');

  // A journalist publishes; a leader speaks in the front channel; Control broadcasts.
  const journalist = students.find((s) => s.view.me.role?.kind === 'journalist')!;
  const leader = students.find((s) => s.view.me.role?.kind === 'leader' && s.view.me.tableId === journalist.view.me.tableId)!;
  const front = leader.view.channels.find((c) => c.kind === 'front')!;
  await ok(leader.send({ type: 'PostMessage', channelId: front.id, text: 'We will not be the first to blink.' }));
  await ok(journalist.send({ type: 'PublishStory', headline: 'Quarantine holds as ships slow', body: 'Witnesses at sea say the Soviet ships have slowed.' }));
  await call(api, 'session.broadcast', { sessionId, text: 'Ten minutes left in this round.' });
  await expect(projector.getByRole('region', { name: 'Latest headline' })).toContainText('Quarantine holds as ships slow');
  await expect(projector.getByRole('region', { name: 'Latest from Control' })).toContainText('Ten minutes left in this round.');
  await expect(projector.getByRole('log', { name: `Front channel of table ${journalist.view.me.tableId!.slice(1)}` })).toContainText('We will not be the first to blink.');
  await expect(projector.getByRole('meter', { name: /Public support/ })).toHaveCount(4);
  await expectNoSeriousViolation(projector, 'projector, play');
  await shots(projector, 'play');

  await call(api, 'session.end', { sessionId });
  await expect(projector.getByText('The session has ended')).toBeVisible();
  await expect(projector.getByText(/No agreement|Agreement announced|never announced/)).toHaveCount(2);
  await expect(projector.getByText('Last headline: Quarantine holds as ships slow')).toBeVisible();
  await expectNoSeriousViolation(projector, 'projector, ended');
  await shots(projector, 'ended');

  // The facilitator puts the debrief on the screen, back channels and names included: all of it
  // fits, down to each table's last score.
  await call(api, 'session.showOnProjector', { sessionId, show: true, backChannels: true, names: true });
  await expect(projector.getByText('Debrief', { exact: true })).toBeVisible();
  await expect(projector.getByRole('list', { name: /^Scores at Table \d$/ })).toHaveCount(2);
  await expect(projector.locator('.projector-debrief')).toContainText('“Quarantine holds as ships slow”');
  await expectNoSeriousViolation(projector, 'projector, debrief');
  await shots(projector, 'debrief');
  for (const size of SCREENS) {
    await projector.setViewportSize(size);
    const clipped = await projector.evaluate(() =>
      Array.from(document.querySelectorAll('.projector-tile')).flatMap((tile) => {
        const last = tile.querySelector('.projector-scores li:last-child');
        return last && last.getBoundingClientRect().bottom > tile.getBoundingClientRect().bottom + 1 ? [tile.querySelector('h2')?.textContent ?? '?'] : [];
      }),
    );
    expect(clipped, `debrief scores cut off at ${size.width}×${size.height}`).toEqual([]);
  }
  for (const s of students) s.close();
  expect(pageErrors).toEqual([]);
});
