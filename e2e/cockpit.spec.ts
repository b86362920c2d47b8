import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { call, createAccount, expectNoSeriousViolation, expectNoSidewaysScroll, facilitator, godView, joinFromHome, newPage, pageErrors } from './helpers';
import { ok, SocketPlayer } from './socket-player';

/**
 * A class run from the cockpit alone: sign in, a session of two tables, students arrive, deal,
 * one student moved by keyboard, start, a back channel read in the god view, an inject for one
 * table, a Control post, a leak that reaches the journalist, a rumour, the end behind a
 * confirmation, the scores. A second facilitator sees none of it.
 */

const NAMES = ['Ben', 'Chen', 'Dara', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jo'];

async function shot(page: Page, name: string, width: number, height: number) {
  await page.setViewportSize({ width, height });
  await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/facilitator');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Your sessions' })).toBeVisible();
}

test('a facilitator runs a class of two tables from the cockpit', async ({ browser, baseURL }) => {
  test.setTimeout(420_000);
  const email = `cockpit-${Date.now()}@example.org`;
  const password = 'correct horse battery staple';
  createAccount(email, password);
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  // The session list is pushed on the facilitator's socket, never asked for: with the API's list
  // blocked for this page, it still fills and follows the session by itself.
  await page.route('**/api/trpc/session.list**', (route) => route.abort());
  await signIn(page, email, password);
  await expectNoSeriousViolation(page, 'sessions, empty');

  // New session with the preview, two tables.
  await page.getByRole('button', { name: 'New session' }).click();
  await page.getByLabel('Scenario').selectOption('cuban-missile-crisis');
  const preview = page.getByRole('region', { name: /Preview of The Cuban Missile Crisis/ });
  await expect(preview).toContainText('Roles per table size');
  await expect(preview).toContainText(/Reading the briefs/);
  await page.getByLabel('Number of tables').fill('2');
  await expectNoSeriousViolation(page, 'new session');
  await page.getByRole('button', { name: 'Create session' }).click();
  const heading = page.getByRole('heading', { name: /^Room / });
  await expect(heading).toBeVisible();
  const code = ((await heading.locator('.code').textContent()) ?? '').trim();
  // The test server listens on loopback: the cockpit says phones cannot reach it, and what to do.
  await expect(page.getByRole('note', { name: 'Join address warning' })).toContainText('HOST=0.0.0.0');
  await expect(page.getByRole('img', { name: /QR code for .*\/play\// })).toBeVisible();
  const all = (await (await page.request.get('/api/trpc/session.list')).json()) as { result: { data: { sessionId: string; code: string }[] } };
  const sessionId = all.result.data.find((s) => s.code === code)?.sessionId;
  expect(sessionId).toBeTruthy();

  // Ten students: one in a browser, nine over sockets.
  const ana = await joinFromHome(browser, code, 'Ana');
  const students: SocketPlayer[] = [];
  for (const name of NAMES) students.push(await SocketPlayer.join(baseURL!, code, name));
  await expect(page.getByRole('heading', { name: /Players \(10\)/ })).toBeVisible();
  // The list updated by itself: the session is there, in the lobby, with everyone connected.
  const listed = page.getByRole('list').filter({ hasText: code });
  await expect(listed).toContainText('Lobby');
  await expect(listed).toContainText('10 players (10 connected)');
  await shot(page, 'dashboard-lobby', 1280, 900);

  await page.getByRole('button', { name: 'Deal roles' }).click();
  await expect(page.getByRole('heading', { name: 'Table 2' })).toBeVisible();
  const god = await godView(baseURL!, await page.context().cookies(), sessionId!);
  const seatOf = (name: string) => Object.values(god.view().seats).find((s) => s.name === name)!;
  const journalists = Object.values(god.view().seats).filter((s) => s.roleId === 'washington-correspondent');
  expect(journalists).toHaveLength(2);
  // By keyboard: pick Ana, then swap her with a journalist at the other table (or with the other journalist).
  const anaSeat = seatOf('Ana');
  const target = journalists.find((j) => j.tableId !== anaSeat.tableId)!;
  await page.getByRole('button', { name: 'Ana', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Ana', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: new RegExp(`^Swap Ana with ${target.name} .*at table ${target.tableId!.slice(1)}$`) }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Swapped Ana and ${target.name}.`)).toBeVisible();
  await expect.poll(() => seatOf('Ana').tableId).toBe(target.tableId);
  const tableJ = target.tableId!;
  const other = tableJ === 't1' ? 't2' : 't1';
  // By drag and drop: two players whose roles the rest of the class does not need swap tables.
  const bystanders = ['washington-correspondent', 'usa-leader', 'ussr-leader'];
  const dragged = Object.values(god.view().seats).find((s) => s.tableId === other && !bystanders.includes(s.roleId ?? ''))!;
  const dropOn = Object.values(god.view().seats).find((s) => s.tableId === tableJ && !bystanders.includes(s.roleId ?? '') && s.roleId !== dragged.roleId)!;
  await page.getByRole('button', { name: dragged.name, exact: true }).dragTo(page.locator('.seat-slot').filter({ has: page.getByRole('button', { name: dropOn.name, exact: true }) }));
  await expect(page.getByText(`Swapped ${dragged.name} and ${dropOn.name}.`)).toBeVisible();
  await expect.poll(() => seatOf(dragged.name).tableId).toBe(tableJ);
  expect(seatOf(dropOn.name).tableId).toBe(other);
  await expectNoSeriousViolation(page, 'lobby dealt');
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoSidewaysScroll(page, 'lobby at 360');
  await shot(page, 'dashboard-dealt', 1920, 1080);
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByText('The session has started.')).toBeVisible();
  await expect(listed).toContainText('Running');
  // Ending the briefing asks first; Cancel leaves it running.
  await page.getByRole('button', { name: 'End this phase now for all tables' }).click();
  const dialog = page.getByRole('dialog', { name: /End this phase now for all tables/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoSeriousViolation(page, 'confirm dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Briefing .*\(phase 1 of 4\)/)).toBeVisible();
  await page.getByRole('button', { name: 'End this phase now for all tables' }).click();
  await dialog.getByRole('button', { name: 'End phase now' }).click();
  await expect(page.getByText(/Round 1 — Discovery \(phase 2 of 4\)/)).toBeVisible();
  await expect(listed).toContainText('Round 1');
  await expect.poll(() => god.view().session.phase?.id).toBe('round-1');

  // A back channel at Ana's table, between the two leaders (over their sockets).
  const byRole = (roleId: string, tableId: string) => students.find((s) => seatOf(s.name).roleId === roleId && seatOf(s.name).tableId === tableId)!;
  const usa = byRole('usa-leader', tableJ);
  const ussr = byRole('ussr-leader', tableJ);
  await ok(usa.send({ type: 'OpenBackChannel', inviteeIds: [ussr.seatId], topic: 'Jupiters' }));
  await expect.poll(() => ussr.view.invitations.length).toBe(1);
  const channelId = ussr.view.invitations[0]!.channelId;
  await ok(ussr.send({ type: 'AnswerInvitation', channelId, accept: true }));
  const secret = 'We could quietly take the Jupiter missiles out of Turkey.';
  await ok(usa.send({ type: 'PostMessage', channelId, text: secret }));

  // The god view: every table at a glance, then Ana's table open on the back channel.
  await expect(page.getByRole('region', { name: /^Table \d \d+:\d\d/ })).toHaveCount(2);
  await page.getByRole('button', { name: `Open Table ${tableJ.slice(1)}` }).click();
  const detail = page.getByRole('region', { name: `Table ${tableJ.slice(1)}: every channel` });
  await detail.getByRole('button', { name: /^Back channel “Jupiters”/ }).click();
  await expect(detail.getByRole('log')).toContainText(secret);
  await expectNoSeriousViolation(page, 'god view');
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoSidewaysScroll(page, 'god view at 360');
  await shot(page, 'dashboard-live', 1280, 900);
  await shot(page, 'dashboard-live', 1920, 1080);
  await page.setViewportSize({ width: 1280, height: 900 });

  // Leak it as a quote: the tip reaches Ana, the journalist.
  await detail.getByRole('log').getByRole('button', { name: 'Leak as quote' }).click();
  await expect(page.getByText('Leaked as a quote.')).toBeVisible();
  await expect(ana.locator('.tip-text', { hasText: /Jupiter missiles out of Turkey/ })).toBeVisible();

  // An inject for Ana's table only.
  const injectTitle = god.view().scenario.injects.find((i) => !i.atPhase)!.title;
  await page.getByRole('listitem').filter({ hasText: injectTitle }).getByRole('button', { name: `Fire for Table ${tableJ.slice(1)}` }).click();
  await expect(page.getByRole('region', { name: 'Injects' })).toContainText(`fired for Table ${tableJ.slice(1)}`);
  const atOther = students.find((s) => seatOf(s.name).tableId === other)!;
  await expect.poll(() => usa.view.broadcasts.some((b) => b.title === injectTitle)).toBe(true);
  expect(atOther.view.broadcasts.some((b) => b.title === injectTitle && b.tableId !== null)).toBe(false);

  // Control posts into the front channel; Ana reads it.
  await detail.getByRole('button', { name: 'Front channel' }).click();
  const post = detail.getByRole('form', { name: 'Post as Control' });
  await expect(post.getByLabel('Channel')).toHaveValue(`${tableJ}:front`);
  await post.getByLabel('Message').fill('Control: the UN Security Council meets in ten minutes.');
  await post.getByRole('button', { name: 'Post' }).click();
  await expect(detail.getByRole('log')).toContainText('the UN Security Council meets');
  await expect(ana.getByText('Control: the UN Security Council meets in ten minutes.').first()).toBeVisible();

  // A rumour for the journalists of that table.
  const rumour = detail.getByRole('form', { name: 'Plant a rumour' });
  await rumour.getByLabel('Rumour').fill('Word is that Moscow has already ordered the ships home.');
  await rumour.getByRole('button', { name: 'Plant rumour' }).click();
  await expect(page.getByText('Rumour planted.')).toBeVisible();
  await expect(ana.locator('.tip-text', { hasText: /Moscow has already ordered the ships home/ })).toBeVisible();
  await expect(detail.getByRole('button', { name: /Tips and stories/ })).toContainText(/\d/);

  // Pause and extend one table only: the other table's clock runs on.
  const n = tableJ.slice(1);
  await page.getByRole('button', { name: `Pause table ${n}` }).click();
  await expect(page.getByText(`Paused table ${n}.`)).toBeVisible();
  await expect(page.getByRole('region', { name: new RegExp(`^Table ${n} `) })).toContainText('left (paused)');
  await expect.poll(() => god.view().tables[tableJ]!.clock.pausedRemainingMs).not.toBeNull();
  const before = god.view().tables[tableJ]!.clock.pausedRemainingMs!;
  expect(god.view().tables[other]!.clock.pausedRemainingMs).toBeNull();
  await page.getByRole('button', { name: `Add a minute for table ${n}` }).click();
  await expect.poll(() => god.view().tables[tableJ]!.clock.pausedRemainingMs).toBe(before + 60_000);
  expect(god.view().tables[other]!.clock.pausedRemainingMs).toBeNull();
  await expect(page.getByRole('region', { name: new RegExp(`^Table ${other.slice(1)} `) })).not.toContainText('paused');
  await page.getByRole('button', { name: `Resume table ${n}` }).click();
  await expect.poll(() => god.view().tables[tableJ]!.clock.pausedRemainingMs).toBeNull();

  // A student's device dies: their seat goes to a newcomer, who sees what the seat saw.
  const leaving = seatOf(usa.name);
  usa.close();
  await expect(listed).toContainText('10 players (9 connected)');
  const seats = page.getByRole('region', { name: 'Seats at this table' });
  await expect(seats.getByRole('listitem').filter({ hasText: leaving.name })).toContainText('disconnected');
  await seats.getByRole('button', { name: `Replace ${leaving.name}` }).click();
  const replaceForm = seats.getByRole('form', { name: `Replace ${leaving.name}` });
  await replaceForm.getByLabel("Or a newcomer's name").fill('Zoe');
  await replaceForm.getByRole('button', { name: 'Give the seat' }).click();
  await expect(page.getByText(`Zoe now holds ${leaving.name}'s seat.`)).toBeVisible();
  const handOver = await seats.getByRole('status').getByRole('link').getAttribute('href');
  expect(handOver).toMatch(/\/play\/[A-Z0-9]+#seat=/);
  const zoe = await newPage(browser);
  await zoe.goto(handOver!);
  await expect(zoe.locator('.role-name').first()).toHaveText('President John F. Kennedy');
  await expect(zoe.getByText('Control: the UN Security Council meets in ten minutes.').first()).toBeVisible();
  await expect.poll(() => seatOf('Zoe').id).toBe(leaving.id);

  // A second facilitator sees nothing of it: not in the list, not over the API.
  const rival = await newPage(browser);
  const rivalAccount = await facilitator(baseURL!, 'rival');
  await signIn(rival, rivalAccount.email, rivalAccount.password);
  await expect(rival.getByText('No sessions yet')).toBeVisible();
  await expect(call(rivalAccount.api, 'session.kick', { sessionId, seatId: usa.seatId })).rejects.toThrow(/UNKNOWN_SESSION|no such session/);
  await expect(call(rivalAccount.api, 'session.end', { sessionId })).rejects.toThrow(/no such session/);
  await rival.setViewportSize({ width: 360, height: 740 });
  await expectNoSidewaysScroll(rival, 'sessions at 360');

  // The end, confirmed; the scores per table and role; the debrief link.
  await page.getByRole('button', { name: 'End session' }).click();
  const endDialog = page.getByRole('dialog', { name: 'End the session for everyone?' });
  await endDialog.getByRole('button', { name: 'End session' }).click();
  await expect(page.getByRole('heading', { name: 'Scores and outcomes' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(2);
  await expect(page.getByRole('link', { name: 'Open the debrief' })).toHaveAttribute('href', `/facilitator/debrief/${sessionId}`);
  await expectNoSeriousViolation(page, 'scores');
  await expect(listed).toContainText('Ended');

  // The debrief on the room screen: the public outcome first; the back channel only once ticked.
  const room = await newPage(browser, { viewport: { width: 1920, height: 1080 } });
  await room.goto(`/room/${code}`);
  await expect(room.getByText('The session has ended')).toBeVisible();
  await page.getByRole('button', { name: 'Show on projector' }).click();
  await expect(page.getByText('The debrief is on the room screen.')).toBeVisible();
  await expect(room.getByText('Debrief', { exact: true })).toBeVisible();
  await expect(room.getByRole('list', { name: /^Scores at Table \d$/ })).toHaveCount(2);
  await expect(room.locator('.projector')).not.toContainText('Jupiter');
  await expect(room.locator('.projector')).not.toContainText(/\bAna\b/);
  await page.getByLabel('Include back channels and their leaks').check();
  await page.getByRole('button', { name: 'Update the room screen' }).click();
  await expect(room.getByRole('region', { name: `Table ${n}` })).toContainText('A quote from the back channel “Jupiters”');
  await expectNoSeriousViolation(room, 'projector, debrief');
  for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
    await room.setViewportSize(size);
    await room.screenshot({ path: test.info().outputPath(`projector-debrief-${size.width}x${size.height}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoSidewaysScroll(page, 'dashboard at 360');
  await shot(page, 'dashboard-ended', 1280, 900);
  god.close();
  for (const s of students) s.close();
  expect(pageErrors).toEqual([]);
});

test('the scenario library and the accounts screens', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  // A plain facilitator cannot manage accounts; an administrator can. (The first account of a
  // database is always an administrator: make sure this one is not the first.)
  const admin = { email: `librarian-${Date.now()}@example.org`, password: 'correct horse battery staple' };
  createAccount(admin.email, admin.password, undefined, { admin: true });
  const plain = await facilitator(baseURL!, 'plain');
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await signIn(page, plain.email, plain.password);
  await page.getByRole('link', { name: 'Accounts' }).click();
  await expect(page.getByText('Only an administrator can add or remove facilitators.')).toBeVisible();
  await expect(call(plain.api, 'auth.removeFacilitator', { facilitatorId: 'fac_x' })).rejects.toThrow(/administrator/);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, admin.email, admin.password);

  // Library: browse, preview as a role, download, print, upload with errors beside their lines.
  await page.getByRole('link', { name: 'Scenario library' }).click();
  await expect(page.getByRole('heading', { name: 'Scenario library' })).toBeVisible();
  await page.getByRole('button', { name: 'The Cuban Missile Crisis' }).click();
  await expect(page.getByRole('heading', { name: 'The Cuban Missile Crisis', level: 2 })).toBeVisible();
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Chairman Nikita Khrushchev' });
  await expect(page.getByRole('article', { name: 'Brief of Chairman Nikita Khrushchev' })).toContainText('What only you know');
  await expect(page.getByRole('link', { name: 'Download as YAML' })).toHaveAttribute('download', 'cuban-missile-crisis.yaml');
  await expectNoSeriousViolation(page, 'library');
  await page.screenshot({ path: test.info().outputPath('library-1280.png'), fullPage: true });

  const broken = ['id: broken-one', 'title: Broken', 'phases:', '  - id: p1', '    durationSec: -5', ''].join('\n');
  await page.getByLabel('YAML or JSON file').setInputFiles({ name: 'broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from(broken) });
  await page.getByRole('button', { name: 'Upload' }).click();
  const problems = page.getByRole('list', { name: 'Problems in the file' });
  await expect(problems).toContainText('phases[0].durationSec — line 5');
  await expect(problems).toContainText('5:     durationSec: -5');
  await expectNoSeriousViolation(page, 'library, upload errors');

  // A valid upload, private at first, then shared from the library.
  const example = readFileSync(path.join(process.cwd(), 'server/scenarios/fixtures/valid-example.yaml'));
  await page.getByLabel('YAML or JSON file').setInputFiles({ name: 'ferry.yaml', mimeType: 'application/yaml', buffer: example });
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByRole('heading', { name: 'The Harbour Ferry Strike', level: 2 })).toBeVisible();
  const ferry = page.getByRole('listitem').filter({ hasText: 'The Harbour Ferry Strike' });
  await expect(ferry).toContainText('Your upload, private');
  const sharing = page.getByRole('group', { name: 'Who may run this scenario' });
  await expect(sharing.getByLabel('Only me (private)')).toBeChecked();
  await sharing.getByLabel('Every facilitator on this server (shared)').check();
  await expect(sharing).toContainText('Shared: every facilitator can now run it.');
  await expect(ferry).toContainText('Your upload, shared');
  await expectNoSeriousViolation(page, 'library, sharing');

  const print = await newPage(browser);
  await print.context().addCookies(await page.context().cookies());
  await print.goto('/facilitator/library/print?ref=cuban-missile-crisis');
  await expect(print.locator('.print-role')).toHaveCount(10);
  await print.emulateMedia({ media: 'print' });
  expect(await print.locator('.print-role').first().evaluate((el) => getComputedStyle(el).breakAfter)).toBe('page');
  await expect(print.getByRole('navigation')).toBeHidden();

  // Accounts: add a facilitator, reset their password, remove them after confirming; change one's own.
  await page.getByRole('link', { name: 'Accounts' }).click();
  await expect(page.getByRole('heading', { name: 'Facilitators' })).toBeVisible();
  const colleague = `colleague-${Date.now()}@example.org`;
  await page.getByLabel('Email').fill(colleague);
  await page.getByLabel('First password').fill('a first password');
  await page.getByRole('button', { name: 'Add facilitator' }).click();
  await expect(page.getByText(`${colleague} can now sign in.`)).toBeVisible();
  const row = page.getByRole('listitem').filter({ hasText: colleague });
  await row.getByRole('button', { name: 'Reset password' }).click();
  await row.getByLabel(`New password for ${colleague}`).fill('a second password');
  await row.getByRole('button', { name: 'Set password', exact: true }).click();
  await expect(page.getByText(`${colleague} has a new password`)).toBeVisible();
  await expectNoSeriousViolation(page, 'accounts');
  await row.getByRole('button', { name: `Remove ${colleague}` }).click();
  await page.getByRole('dialog', { name: `Remove ${colleague}?` }).getByRole('button', { name: 'Remove account' }).click();
  await expect(page.getByText(`${colleague} was removed`)).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: colleague })).toHaveCount(0);

  await page.getByLabel('Current password').fill(admin.password);
  await page.getByLabel('New password', { exact: true }).fill('a brand new passphrase');
  await page.getByLabel('New password again').fill('not the same one');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('The two new passwords differ')).toBeVisible();
  await page.getByLabel('New password again').fill('a brand new passphrase');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password has changed.')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('accounts-1280.png'), fullPage: true });

  for (const path of ['/facilitator', '/facilitator/library', '/facilitator/accounts', '/facilitator/guide/cuban-missile-crisis']) {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(path);
    await expect(page.getByRole('navigation', { name: 'Facilitator' })).toBeVisible();
    await expectNoSidewaysScroll(page, `${path} at 360`);
    await expectNoSeriousViolation(page, `${path} at 360`);
  }
  await expect(page.getByRole('heading', { name: /Teacher's guide: / })).toBeVisible();
  expect(pageErrors).toEqual([]);
});
