import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { request as apiRequest, type APIRequestContext, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { io } from 'socket.io-client';
import type { FacilitatorView } from '../server/engine/view';
import { projectRoot } from '../server/paths';
import { PROTOCOL_VERSION } from '../shared/version';
import { ViewTracker } from '../shared/view-tracker';
import { expect } from './fixtures';
import { ENV } from './server';
import { SocketPlayer, until } from './socket-player';

/** Shared steps of the browser tests: a signed-in facilitator over HTTP, students in their own contexts, and the checks every screen gets. */

export const SCENARIO = 'cuban-missile-crisis';
export const LEADER_USA = 'President John F. Kennedy';
export const LEADER_USSR = 'Chairman Nikita Khrushchev';
export const PHONE = { width: 360, height: 740 } as const;

/** Creates an account straight in the test server's database (as the CLI does). */
export function createAccount(email: string, password: string, databasePath?: string, options: { admin?: boolean } = {}): void {
  const tempDir = process.env[ENV.tempDir];
  if (!databasePath && !tempDir) throw new Error(`${ENV.tempDir} is not set: did e2e/global-setup.ts run?`);
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/facilitator.ts', 'create', '--email', email, '--password', password, ...(options.admin ? ['--admin'] : [])], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databasePath ?? path.join(tempDir!, 'e2e.db') },
    stdio: 'pipe',
  });
}

export interface Facilitator {
  api: APIRequestContext;
  email: string;
  password: string;
}

/** A new facilitator account, signed in over HTTP (the same origin as the pages, as a browser would send). */
export async function facilitator(baseURL: string, prefix = 'teacher'): Promise<Facilitator> {
  const email = `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
  const password = 'correct horse battery staple';
  createAccount(email, password);
  const api = await apiRequest.newContext({ baseURL, extraHTTPHeaders: { origin: new URL(baseURL).origin } });
  await call(api, 'auth.login', { email, password });
  return { api, email, password };
}

/** tRPC 11 over plain HTTP: a mutation's body is its raw input; the answer is { result: { data } }. */
export async function call<T = unknown>(api: APIRequestContext, procedure: string, input: unknown): Promise<T> {
  const base = process.env[ENV.baseUrl];
  const res = await api.post(`/api/trpc/${procedure}`, { data: input, ...(base ? { headers: { origin: new URL(base).origin } } : {}) });
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!res.ok() || !body.result) throw new Error(`${procedure} failed (${res.status()}): ${JSON.stringify(body.error ?? body)}`);
  return body.result.data;
}

export async function createSession(api: APIRequestContext, options: { leakSensitivity?: number } = {}): Promise<{ sessionId: string; code: string }> {
  return call(api, 'session.create', {
    scenarioId: SCENARIO,
    options: { tableCount: 1, phaseDurations: {}, leakSensitivity: options.leakSensitivity ?? 1, openChannels: {} },
  });
}

/** Uncaught errors in any page opened through newPage; each spec checks it is empty at its end. */
export const pageErrors: string[] = [];

export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
  return page;
}

/** A student joins through the home page's form, as in class. */
export async function joinFromHome(browser: Browser, code: string, name: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await newPage(browser, options);
  await page.goto('/');
  await page.getByLabel('Room code').fill(code);
  await page.getByLabel('Display name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('heading', { name: /In the room/ })).toBeVisible();
  // The display name never goes into the address (history, shared screens).
  expect(page.url()).toMatch(new RegExp(`/play/${code}$`));
  return page;
}

export interface StartedGame {
  sessionId: string;
  code: string;
  /** The students in a browser, in the order of `names` (those in `inBrowser` only, when given). */
  pages: Page[];
  /** Page by the role title shown on its card. */
  roleOf: Map<string, Page>;
  /** Display name by page. */
  nameOf: Map<Page, string>;
  /** The students played over sockets (none unless `inBrowser` was given). */
  sockets: SocketPlayer[];
}

export interface GameOptions extends BrowserContextOptions {
  leakSensitivity?: number;
  /**
   * The roles (titles or patterns) whose screens the spec looks at. Every student then joins over
   * a socket, which is far cheaper than a browser; after the deal, a browser takes over only these
   * seats, with the hand-over link a facilitator gives (/play/CODE#seat=TOKEN). Without it every
   * student joins in a browser through the home page.
   */
  inBrowser?: (string | RegExp)[];
}

/**
 * A session with one table: the students join, the facilitator deals and starts (the briefing),
 * and each page shows its role card.
 */
export async function startGame(browser: Browser, api: APIRequestContext, names: string[], options: GameOptions = {}): Promise<StartedGame> {
  const { leakSensitivity, inBrowser, ...contextOptions } = options;
  const { sessionId, code } = await createSession(api, leakSensitivity === undefined ? {} : { leakSensitivity });
  const game: StartedGame = { sessionId, code, pages: [], roleOf: new Map(), nameOf: new Map(), sockets: [] };
  if (inBrowser) {
    const baseURL = process.env[ENV.baseUrl]!;
    for (const name of names) game.sockets.push(await SocketPlayer.join(baseURL, code, name));
    await call(api, 'session.deal', { sessionId });
    await call(api, 'session.start', { sessionId });
    await until(() => game.sockets.every((s) => s.view.me.role !== null && s.view.session.status === 'running'), 'every seat dealt and playing');
    for (const role of inBrowser) {
      const holder = game.sockets.find((s) => (typeof role === 'string' ? s.view.me.role?.title === role : role.test(s.view.me.role?.title ?? '')));
      if (!holder) throw new Error(`nobody holds ${String(role)}; roles: ${game.sockets.map((s) => s.view.me.role?.title).join(', ')}`);
      game.sockets.splice(game.sockets.indexOf(holder), 1);
      holder.close();
      const page = await newPage(browser, contextOptions);
      await page.goto(`/play/${code}#seat=${encodeURIComponent(holder.token)}`);
      await expect(page.locator('.clock')).toContainText('Briefing');
      game.pages.push(page);
      game.roleOf.set(holder.view.me.role!.title, page);
      game.nameOf.set(page, holder.name);
    }
    return game;
  }
  for (const name of names) {
    const page = await joinFromHome(browser, code, name, contextOptions);
    game.pages.push(page);
    game.nameOf.set(page, name);
  }
  await expect(game.pages[0]!.getByRole('heading', { name: `In the room (${names.length} players)` })).toBeVisible();
  await call(api, 'session.deal', { sessionId });
  await call(api, 'session.start', { sessionId });
  for (const page of game.pages) {
    await expect(page.locator('.clock')).toContainText('Briefing');
    game.roleOf.set((await page.locator('.role-name').first().textContent()) ?? '', page);
  }
  return game;
}

export function rolePage(game: StartedGame, title: string | RegExp): Page {
  const entry = [...game.roleOf.entries()].find(([t]) => (typeof title === 'string' ? t === title : title.test(t)));
  if (!entry) throw new Error(`no page with role ${String(title)}; roles: ${[...game.roleOf.keys()].join(', ')}`);
  return entry[1];
}

/**
 * The facilitator's live god view over a real socket, for what the dashboard does not show
 * (message ids, to leak one on purpose). Read-only here: commands still go through tRPC.
 */
export async function godView(baseURL: string, cookies: { name: string; value: string }[], sessionId: string): Promise<{ view: () => FacilitatorView; close: () => void }> {
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const tracker = new ViewTracker<FacilitatorView>();
  const socket = io(baseURL, { auth: { v: PROTOCOL_VERSION, kind: 'facilitator', sessionId }, extraHeaders: { cookie }, transports: ['websocket'], forceNew: true });
  socket.on('snapshot', (s) => tracker.snapshot(s));
  socket.on('patch', (p) => {
    if (!tracker.patch(p)) socket.emit('resync', () => undefined);
  });
  socket.on('stream', (f) => {
    if (!tracker.stream(f)) socket.emit('resync', () => undefined);
  });
  await expect.poll(() => tracker.view !== null, { message: 'the facilitator socket gets its snapshot' }).toBe(true);
  return {
    view: () => {
      if (!tracker.view) throw new Error('no god view');
      return tracker.view;
    },
    close: () => socket.close(),
  };
}

export async function expectNoSeriousViolation(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) {
    const report = serious.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target) }));
    console.log(`${where}:`, JSON.stringify(report, null, 2));
  }
  expect(serious, where).toEqual([]);
}

/**
 * The page does not scroll sideways: nothing is wider than the viewport. On failure, names the
 * widest elements that stick out, so the fix is easy to find.
 */
export async function expectNoSidewaysScroll(page: Page, where: string, options: { soft?: boolean } = {}): Promise<void> {
  const result = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const width = root.clientWidth;
    const culprits: string[] = [];
    if (root.scrollWidth > width) {
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        const box = el.getBoundingClientRect();
        if (box.right > width + 0.5 && box.width > 0) {
          const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
          culprits.push(`${name} right=${Math.round(box.right)} «${(el.textContent ?? '').trim().slice(0, 40)}»`);
        }
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: width, culprits: culprits.slice(-8) };
  });
  (options.soft ? expect.soft : expect)(result.scrollWidth, `${where}: the page scrolls sideways by ${result.scrollWidth - result.clientWidth} px (${result.culprits.join('; ')})`).toBeLessThanOrEqual(result.clientWidth);
}
