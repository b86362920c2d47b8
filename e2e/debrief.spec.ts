import { mkdirSync } from 'node:fs';
import { request as apiRequest, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { call, createAccount, expectNoSeriousViolation, expectNoSidewaysScroll, facilitator, newPage, pageErrors, PHONE, SCENARIO } from './helpers';
import { SocketPlayer, until as waitFor } from './socket-player';

/**
 * The debrief against the real server: ten students (socket clients) play two tables of the
 * Cuban crisis to the end — at table 1 a back channel, a message the facilitator leaks, a story
 * on it and an announced deal; at table 2 only public talk — and the facilitator debriefs it in
 * a real browser: scrubs, looks through a seat's eyes, follows the leak from message to story to
 * support, compares the tables, prints the report, and opens a class link a student then reads.
 */

const OUT = 'test-results/debrief';
const SECRET = 'Take the Jupiters out of Turkey quietly and the missiles go.';
const PUBLIC_T1 = 'Table one: the United States demands the removal of the missiles.';
const PUBLIC_T2 = 'Table two: we will talk only in public.';
const HEADLINE = 'Secret talks over Turkish missiles';
/** Said in the back channel and never leaked: the class link must not show it while back channels are hidden. */
const UNLEAKED = 'Between us: Castro is not to be told.';

type Player = SocketPlayer;

function role(players: Player[], tableId: string, roleId: string): Player {
  const p = players.find((x) => x.view.me.tableId === tableId && x.view.me.role?.id === roleId);
  if (!p) throw new Error(`nobody plays ${roleId} at ${tableId}`);
  return p;
}

async function ok(p: Player, command: Parameters<Player['send']>[0]): Promise<void> {
  const ack = await p.send(command);
  expect(ack, `${p.label}: ${command.type}`).toMatchObject({ ok: true });
}

/** Plays the session to its end through the public protocol and the facilitator's API. */
async function playSession(baseURL: string) {
  const teacher = await facilitator(baseURL, 'debrief');
  const { sessionId, code } = await call<{ sessionId: string; code: string }>(teacher.api, 'session.create', {
    scenarioId: SCENARIO,
    // No random leaks: the one leak is the facilitator's, so the trace is known in advance.
    options: { tableCount: 2, phaseDurations: { briefing: 3600, 'round-1': 3600, 'round-2': 3600, 'round-3': 3600 }, leakSensitivity: 0, openChannels: {} },
  });
  const players: Player[] = [];
  for (let i = 1; i <= 10; i++) players.push(await SocketPlayer.join(baseURL, code, `Student ${String.fromCharCode(64 + i)}`));
  await call(teacher.api, 'session.deal', { sessionId });
  await call(teacher.api, 'session.start', { sessionId });
  await call(teacher.api, 'session.skip', { sessionId });
  await waitFor(() => players.every((p) => p.tracker.view?.session.phase?.id === 'round-1'), 'round 1 everywhere');

  const usa1 = role(players, 't1', 'usa-leader');
  const ussr1 = role(players, 't1', 'ussr-leader');
  const journalist1 = role(players, 't1', 'washington-correspondent');
  await ok(usa1, { type: 'PostMessage', channelId: 't1:front', text: PUBLIC_T1 });
  await ok(role(players, 't2', 'usa-leader'), { type: 'PostMessage', channelId: 't2:front', text: PUBLIC_T2 });

  // Table 1 goes underground.
  await ok(usa1, { type: 'OpenBackChannel', inviteeIds: [ussr1.seatId], topic: 'A quiet trade' });
  await waitFor(() => ussr1.view.invitations.length === 1, 'the invitation');
  const channelId = ussr1.view.invitations[0]!.channelId;
  await ok(ussr1, { type: 'AnswerInvitation', channelId, accept: true });
  await ok(ussr1, { type: 'PostMessage', channelId, text: SECRET });
  await ok(usa1, { type: 'PostMessage', channelId, text: UNLEAKED });
  await waitFor(() => usa1.view.messages.some((m) => m.text === SECRET), 'the secret message');
  const secret = usa1.view.messages.find((m) => m.text === SECRET)!;

  // The facilitator leaks it; the journalist prints it.
  await call(teacher.api, 'session.leakMessage', { sessionId, messageId: secret.id, form: 'quote' });
  await waitFor(() => journalist1.view.tips.length === 1, 'the tip');
  await ok(journalist1, { type: 'PublishStory', headline: HEADLINE, body: 'Our sources say Moscow offered a trade.', tipId: journalist1.view.tips[0]!.id });

  // And strikes a deal there, announced in public with the Turkish term kept secret.
  const terms = [
    { issueId: 'cuban-missiles', optionId: 'withdraw-verified', secret: false },
    { issueId: 'invasion-pledge', optionId: 'public-pledge', secret: false },
    { issueId: 'turkey-jupiters', optionId: 'removed', secret: true },
    { issueId: 'quarantine', optionId: 'lifted-on-withdrawal', secret: false },
  ];
  await ok(usa1, { type: 'Propose', channelId, terms, mode: 'official' });
  await waitFor(() => ussr1.view.proposals.length === 1, 'the proposal');
  const proposalId = ussr1.view.proposals[0]!.id;
  await ok(ussr1, { type: 'SignProposal', proposalId });
  await ok(usa1, { type: 'SignProposal', proposalId });
  await waitFor(() => usa1.view.table?.agreement !== null, 'the agreement');
  await ok(usa1, { type: 'AnnounceAgreement' });

  await call(teacher.api, 'session.end', { sessionId });
  await waitFor(() => players.every((p) => p.tracker.view?.session.status === 'ended'), 'the end everywhere');
  for (const p of players) p.close();
  return { teacher, sessionId, code, players, secret, usa1, ussr1 };
}

async function shoot(page: Page, name: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: width === PHONE.width ? PHONE.height : 900 });
  await page.screenshot({ path: `${OUT}/${name}-${width}.png`, fullPage: true });
}

test('a facilitator debriefs a finished session and shares a class link', async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  pageErrors.length = 0;
  mkdirSync(OUT, { recursive: true });
  const { teacher, sessionId, code, usa1 } = await playSession(baseURL!);

  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.context().addCookies((await teacher.api.storageState()).cookies);
  await page.goto(`/facilitator/debrief/${sessionId}`);
  // Five replay queries fold the whole log: give a busy machine time.
  await expect(page.getByRole('heading', { level: 1, name: /Debrief: The Cuban Missile Crisis/ })).toBeVisible({ timeout: 30_000 });
  const replay = page.getByRole('region', { name: 'Replay' });
  const scrubber = page.getByRole('slider', { name: 'Moment in the session' });
  await expect(scrubber).toBeVisible();
  await expect(replay.getByRole('heading', { name: /^Everything \(all-seeing\) at / })).toBeVisible();

  // Scrub with the keyboard, measuring the longest main-thread task meanwhile (once the page has settled).
  await expect(replay.locator('.moment')).toHaveAttribute('aria-busy', 'false');
  await page.evaluate(() => {
    const w = window as unknown as { __tasks: { start: number; duration: number }[] };
    w.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__tasks.push({ start: Math.round(e.startTime), duration: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: false });
  });
  const scrubStart = await page.evaluate(() => performance.now());
  await scrubber.focus();
  await page.keyboard.press('Home');
  await expect(scrubber).toHaveAttribute('aria-valuetext', /event 1 of/);
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
  await expect(scrubber).toHaveAttribute('aria-valuetext', /event 31 of/);
  await page.keyboard.press('End');
  for (let i = 0; i < 10; i++) await page.keyboard.press('PageDown');
  await expect(replay.locator('.moment')).toHaveAttribute('aria-busy', 'false');
  const tasks = await page.evaluate(() => (window as unknown as { __tasks: { start: number; duration: number }[] }).__tasks);
  const longest = Math.max(0, ...tasks.map((t) => t.duration));
  console.log(`debrief: the longest main-thread task while scrubbing took ${longest} ms (${tasks.length} tasks over 50 ms: ${tasks.map((t) => `${t.duration} ms at +${Math.round(t.start - scrubStart)}`).join(', ') || 'none'})`);

  // Jump to the leak; play from the start at 1× until the scrubber moves, then pause.
  await page.getByLabel('Jump to').selectOption('leak');
  await page.getByRole('button', { name: 'Next leak →' }).click();
  await expect(page.locator('.timeline-notice')).toContainText(/leak|tip/i);
  await page.keyboard.press('Home');
  await scrubber.focus();
  await page.keyboard.press('Home');
  await page.getByLabel('Speed').selectOption('1');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(scrubber).not.toHaveAttribute('aria-valuetext', /event 1 of/);
  await page.getByRole('button', { name: /Pause|Play/ }).first().click();

  // Through a seat's eyes: the American leader at table 1 saw the back channel; table 2's did not.
  await scrubber.focus();
  await page.keyboard.press('End');
  const usaName = usa1.view.me.name;
  await page.getByLabel('Perspective').selectOption({ label: `${usaName} — ${usa1.view.me.role!.title}` });
  await expect(replay.getByRole('heading', { name: new RegExp(`^What ${usaName} \\(`) })).toBeVisible();
  await replay.getByRole('button', { name: /Back channel: A quiet trade/ }).click();
  await expect(replay.locator('.moment-log')).toContainText(SECRET);
  await page.getByLabel('Perspective').selectOption({ label: 'Table 2: everything there' });
  await expect(replay.getByRole('heading', { name: /^Table 2: everything there at / })).toBeVisible();
  await expect(replay).not.toContainText(SECRET);
  await page.getByLabel('Perspective').selectOption('all');

  // Follow the leak: message → story → support change.
  const trace = page.locator('.trace').first();
  await expect(trace).toContainText(SECRET);
  await expect(trace).toContainText(HEADLINE);
  await trace.getByRole('button', { name: 'Show the moment it was said' }).click();
  await expect(replay.locator('.moment-log')).toContainText(SECRET);
  await expect(replay.getByRole('button', { name: /Back channel: A quiet trade/ })).toHaveAttribute('aria-pressed', 'true');
  await trace.getByRole('button', { name: 'Show the story' }).click();
  await expect(replay.locator('.moment-press')).toContainText(HEADLINE);
  await trace.getByRole('button', { name: 'Show the support change' }).click();
  await expect(page.getByRole('heading', { name: 'Public support and escalation' }).first()).toBeFocused();
  await expect(page.locator('#ledger')).toContainText(HEADLINE);

  // The tables side by side.
  const compare = page.getByRole('table', { name: 'The tables side by side' });
  await expect(compare.getByRole('columnheader', { name: 'Table 1' })).toBeVisible();
  await expect(compare.getByRole('columnheader', { name: 'Table 2' })).toBeVisible();
  await expect(compare.getByRole('row', { name: /^Outcome/ })).toContainText('Deal announced');
  await expect(compare.getByRole('row', { name: /^Outcome/ })).toContainText('No deal');
  await expect(page.getByRole('table', { name: /The same role at each table/ })).toContainText('President');
  // The balance harness's picture beside them, read from docs/balance.md.
  const harness = page.getByRole('table', { name: /Mean core score per way of negotiating \(docs\/balance\.md\)/ });
  await expect(harness.getByRole('row', { name: /seeds-path/ })).toContainText('(best)');

  await expectNoSeriousViolation(page, 'debrief page');
  for (const width of [1280, 1920]) await shoot(page, 'facilitator', width);

  // The printed report.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-report')).toBeVisible();
  await expect(page.locator('.print-report')).toContainText(SECRET);
  await page.pdf({ path: `${OUT}/report.pdf`, format: 'A4', printBackground: true });
  await page.screenshot({ path: `${OUT}/report-print-a4.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1280, height: 900 });

  // The class link: table 1 only, its public record, no back channels, no names.
  const classCard = page.locator('#class-link');
  await expect(classCard).toContainText('The class link is off');
  await classCard.getByLabel('Table 1').check();
  await expect(classCard.getByLabel('Table 2')).not.toBeChecked();
  await expect(classCard.getByLabel(/^Back channels/)).not.toBeChecked();
  await expect(classCard.getByLabel(/names/)).not.toBeChecked();
  await classCard.getByRole('button', { name: 'Turn the class link on' }).click();
  await expect(classCard).toContainText('The class link is on');
  const classUrl = await classCard.getByRole('link', { name: /\/debrief\// }).getAttribute('href');
  expect(classUrl).toBeTruthy();

  const student = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await student.goto(classUrl!);
  await expect(student.getByRole('heading', { level: 1, name: /Class debrief/ })).toBeVisible();
  await expect(student.getByRole('heading', { name: 'Table 1' })).toBeVisible();
  await expect(student.getByRole('heading', { name: 'Table 2' })).toHaveCount(0);
  await expect(student.locator('body')).not.toContainText(PUBLIC_T2);
  await expect(student.locator('body')).toContainText(HEADLINE);
  await student.locator('.class-channel > summary', { hasText: /Front/ }).first().click();
  await expect(student.locator('body')).toContainText(PUBLIC_T1);
  // Not revealed: the back channel, what was said there and never leaked, and the students' names.
  await expect(student.locator('body')).not.toContainText('A quiet trade');
  await expect(student.locator('body')).not.toContainText(UNLEAKED);
  await expect(student.locator('body')).not.toContainText(usaName);
  await expectNoSeriousViolation(student, 'class page');
  for (const width of [1280, PHONE.width]) await shoot(student, 'class', width);
  await expectNoSidewaysScroll(student, 'class page at 360 px');

  // The American leader's own device: the end screen links to the class replay with their seat.
  const leader = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await leader.goto('/');
  await leader.evaluate(([room, token]) => window.localStorage.setItem(`backchannel:seat:${room}`, token!), [code, usa1.token]);
  await leader.goto(`/play/${code}`);
  await expect(leader.getByRole('heading', { name: 'The session has ended' })).toBeVisible({ timeout: 30_000 });
  await expect(leader.getByRole('heading', { name: 'Why did my support move?' })).toBeVisible();
  await expect(leader.getByRole('table', { name: /Every change of public support/ })).toContainText(HEADLINE);
  await leader.getByRole('link', { name: 'Replay the session from your seat (class debrief)' }).click();
  await expect(leader.getByRole('heading', { name: 'Your seat' })).toBeVisible({ timeout: 30_000 });
  await expect(leader.getByRole('heading', { name: 'What your screen held at this moment' })).toBeVisible();
  await leader.getByRole('button', { name: /Back channel: A quiet trade/ }).click();
  await expect(leader.locator('.moment-log')).toContainText(UNLEAKED);
  await expectNoSeriousViolation(leader, 'class page with the seat');

  // The facilitator's page on a phone.
  await page.setViewportSize(PHONE);
  // The charts follow their box through a ResizeObserver: let them redraw at the new width.
  await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, null, { timeout: 10_000 }).catch(() => undefined);
  await expectNoSidewaysScroll(page, 'debrief page at 360 px');
  await shoot(page, 'facilitator', PHONE.width);
  await page.setViewportSize({ width: 1280, height: 900 });
  const events = (await page.locator('.debrief-head .meta').textContent())!.match(/(\d+) events/)![1];

  await importAndDelete(page, teacher.api, sessionId, events!);
  await retention(browser, baseURL!);

  expect(pageErrors).toEqual([]);
  await teacher.api.dispose();
});

/**
 * The archive: the session's exported log is imported back (after two bad files are refused with
 * their reasons), its debrief replays the same events, and deleting it asks first.
 */
async function importAndDelete(page: Page, api: Awaited<ReturnType<typeof facilitator>>['api'], sessionId: string, events: string) {
  const exported = await api.get(`/api/export/${sessionId}/events.json`);
  expect(exported.ok()).toBe(true);
  const log = await exported.body();

  await page.goto('/facilitator/debriefs');
  await expect(page.getByRole('heading', { level: 1, name: 'Debriefs' })).toBeVisible();
  const form = page.getByRole('region', { name: 'Import an event log' });
  const file = form.getByLabel('Event log (JSON)');
  const importButton = form.getByRole('button', { name: 'Import' });
  await file.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('Minutes of the meeting') });
  await importButton.click();
  await expect(form.getByRole('alert')).toHaveText(/^notes\.json is not a JSON file\./);
  await expect(file).toBeFocused();
  await file.setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":"world"}') });
  await importButton.click();
  await expect(form.getByRole('alert')).toHaveText(/^other\.json was not imported: This is not an exported Backchannel log/);

  await file.setInputFiles({ name: 'events.json', mimeType: 'application/json', buffer: log });
  await importButton.click();
  await expect(form.getByRole('status')).toContainText('events.json is imported as session', { timeout: 30_000 });
  await expect(form.getByRole('alert')).toHaveText('');
  const code = (await form.getByRole('status').locator('.code').textContent())!;
  const list = page.getByRole('region', { name: 'Finished sessions', exact: true });
  await expect(list.getByRole('link', { name: `Debrief of ${code}` })).toBeVisible();
  await expectNoSeriousViolation(page, 'debriefs page');
  for (const width of [1280, 1920]) await shoot(page, 'debriefs', width);
  await page.setViewportSize(PHONE);
  await expectNoSidewaysScroll(page, 'debriefs page at 360 px');
  await shoot(page, 'debriefs', PHONE.width);
  await page.setViewportSize({ width: 1280, height: 900 });

  // The imported debrief replays the same log; deleting it asks first, and Cancel keeps it.
  await form.getByRole('link', { name: 'open its debrief' }).click();
  // The heading shows the room code the log recorded (the original's), not the import's new one.
  await expect(page.getByRole('heading', { level: 1, name: /Debrief: The Cuban Missile Crisis/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.debrief-head .meta')).toContainText(`${events} events`);
  const deleteButton = page.getByRole('button', { name: 'Delete this session…' });
  await deleteButton.click();
  const shown = (await page.locator('h1 .code').textContent())!;
  const dialog = page.getByRole('dialog', { name: `Delete session ${shown}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoSeriousViolation(page, 'delete dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(deleteButton).toBeFocused();
  await deleteButton.click();
  await dialog.getByRole('button', { name: `Delete ${shown}` }).click();
  await expect(page).toHaveURL(/\/facilitator\/debriefs$/);
  await expect(page.getByRole('region', { name: 'Finished sessions', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: `Debrief of ${code}` })).toHaveCount(0);
  // The original is untouched.
  await expect(page.getByRole('link', { name: /^Debrief of / }).first()).toBeVisible();
}

/** An administrator sets how long finished sessions are kept; a bad number is refused with its reason. */
async function retention(browser: Parameters<Parameters<typeof test>[2]>[0]['browser'], baseURL: string) {
  const email = `admin-${Date.now()}@example.org`;
  const password = 'correct horse battery staple';
  createAccount(email, password, undefined, { admin: true });
  const admin = await apiRequest.newContext({ baseURL, extraHTTPHeaders: { origin: new URL(baseURL).origin } });
  await call(admin, 'auth.login', { email, password });
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.context().addCookies((await admin.storageState()).cookies);
  await page.goto('/facilitator/debriefs');
  const card = page.getByRole('region', { name: 'How long finished sessions are kept' });
  await expect(card).toContainText('Finished sessions are kept until someone deletes them.');
  await card.getByLabel('for a number of days').check();
  const days = card.getByLabel('Days after a session finishes');
  await days.fill('0');
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(card.getByRole('alert')).toContainText('from 1 to 3650 days');
  await expect(days).toBeFocused();
  await days.fill('30');
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(card.getByRole('status')).toContainText('Saved. Finished sessions are deleted 30 days after their last event');
  await page.reload();
  await expect(card.getByLabel('Days after a session finishes')).toHaveValue('30');
  await expectNoSeriousViolation(page, 'debriefs page (administrator)');
  await shoot(page, 'debriefs-admin', 1280);
  await card.getByLabel('until someone deletes them').check();
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(card.getByRole('status')).toContainText('Saved. Finished sessions are kept until someone deletes them.');
  await admin.dispose();
}
