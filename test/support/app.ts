import type { DocumentDetailDto, DocumentKind, ListResponse, SuggestionDto } from '@coupole/shared';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openPage, type TestPage } from './browser';
import { login } from './collab-client';
import { DEMO_PASSWORD } from './demo-accounts';
import { startServer, type ServerProcess, type StartServerOptions } from './server-process';


/** A short note whose paragraphs the document specs type into and comment on. */
export const SAMPLE_NOTE =
  '# Note sur le parcours\n\nLe décret de 2018 encadre le parcours d’intégration.\n\nLes ILI demandent des moyens stables.\n';

export type Viewport = { width: number; height: number };

/** Console lines every page may log: a 401 when a session ends under an open page (sign-in itself logs none, login e2e). */
const ALWAYS_EXPECTED_ERRORS = [/status of 401/];

export interface BrowserApp {
  /** The built server, started in beforeAll. */
  readonly server: ServerProcess;
  readonly browser: Browser;
  /** A fresh browser context (no cookies) on the server; closed and checked for errors after the test. */
  open(viewport?: Viewport): Promise<Page>;
  /** A fresh page signed in through the login form, past the login page. */
  signedIn(email: string, viewport?: Viewport): Promise<Page>;
  /** Console errors the current test provokes on purpose (e.g. a 429); forgotten after the test. */
  expectConsoleErrors(...patterns: RegExp[]): void;
}

/**
 * Registers the jest hooks of a browser suite: one server and one Chromium for the file, every page
 * opened by the test closed after it, and the test fails on any page error or console error it did
 * not expect.
 */
export function useBrowserApp(options: StartServerOptions = {}): BrowserApp {
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  const openPages: TestPage[] = [];
  let expectedErrors: RegExp[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    // Behind a proxy on loopback, as in docker/: each page brings its own address (openPage).
    server = await startServer({ ...options, env: { TRUSTED_PROXIES: 'loopback', ...options.env } });
  });

  afterEach(async () => {
    const expected = [...ALWAYS_EXPECTED_ERRORS, ...expectedErrors];
    expectedErrors = [];
    for (const { context, errors } of openPages.splice(0)) {
      await context.close();
      expect(errors.filter((line) => !expected.some((pattern) => pattern.test(line)))).toEqual([]);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const app: BrowserApp = {
    get server() {
      if (!server) throw new Error('the server starts in beforeAll');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
    async open(viewport) {
      const opened = await openPage(app.browser, { baseUrl: app.server.baseUrl, viewport });
      openPages.push(opened);
      return opened.page;
    },
    async signedIn(email, viewport) {
      const page = await app.open(viewport);
      await logIn(page, email);
      await page.waitForURL((url) => !url.pathname.includes('connexion'));
      return page;
    },
    expectConsoleErrors(...patterns) {
      expectedErrors.push(...patterns);
    },
  };
  return app;
}

/** Fills and sends the login form, as a person would; does not wait for where it leads. */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/');
  await page.waitForURL('**/connexion**');
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

export interface ApiClient {
  readonly token: string;
  /** JSON request under /api; throws with the status and body unless the answer is 2xx. */
  request<T = unknown>(path: string, init?: { method?: string; body?: unknown }): Promise<T>;
}

/** The HTTP API as the given demo account (logged in through POST /api/auth/login). */
export async function apiAs(server: ServerProcess, email: string, password = DEMO_PASSWORD): Promise<ApiClient> {
  const token = await login(server.baseUrl, email, password);
  return {
    token,
    async request<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
      const method = init.method ?? 'GET';
      const response = await fetch(`${server.baseUrl}/api${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
  };
}

export interface NewDocument {
  title: string;
  kind?: DocumentKind;
  markdown?: string;
}

/** Creates a document through the API (the caller must be allowed to: secretariat or admin). */
export function createDocument(api: ApiClient, { title, kind = 'note_technique', markdown = SAMPLE_NOTE }: NewDocument) {
  return api.request<DocumentDetailDto>('/documents', { method: 'POST', body: { title, kind, markdown } });
}

/** A document's suggestions as the API stores them, oldest first. */
export async function storedSuggestions(api: ApiClient, documentId: string): Promise<SuggestionDto[]> {
  return (await api.request<ListResponse<SuggestionDto>>(`/documents/${documentId}/suggestions`)).items;
}

/** The collaborative editor's text area. */
export function editorBody(page: Page) {
  return page.getByRole('textbox', { name: 'Texte du document' });
}

/**
 * Listens for the page's next `selectionchange`; the function returned resolves once it has come
 * and two frames have passed (ProseMirror's observer has read the selection by then), or after
 * 1 s if the selection did not change. A key pressed before that could act on the old selection:
 * Chromium runs input events before the queued `selectionchange`.
 */
async function selectionSettles(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => {
    (window as unknown as { selectionRead: Promise<void> }).selectionRead = new Promise<void>((resolve) => {
      const frames = () => requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
      document.addEventListener('selectionchange', frames, { once: true });
      setTimeout(frames, 1_000);
    });
  });
  return async () => {
    await page.evaluate(() => (window as unknown as { selectionRead: Promise<void> }).selectionRead);
  };
}

/**
 * Selects `word` inside `root` (the document's editor unless told), as a user dragging over it
 * would; `focus` first puts the caret in `root` (an editor that is not focused yet).
 */
export async function selectWord(page: Page, word: string, { root = editorBody(page), focus = false }: { root?: Locator; focus?: boolean } = {}) {
  const settled = await selectionSettles(page);
  await root.evaluate(
    (element, { target, focus }) => {
      if (focus) (element as HTMLElement).focus();
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const index = node.textContent!.indexOf(target);
        if (index < 0) continue;
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + target.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`${target} is not in the editor`);
    },
    { target: word, focus },
  );
  await settled();
  await page.waitForTimeout(50);
}

/** Presses a key that moves the caret (arrows, Home, End) and waits until the editor has read where it went. */
export async function moveCaret(page: Page, key: string): Promise<void> {
  const settled = await selectionSettles(page);
  await page.keyboard.press(key);
  await settled();
}

/** Opens a document page and waits until the editor is synchronised and shows `text`. */
export async function openDocument(page: Page, id: string, text = 'Les ILI demandent'): Promise<void> {
  await page.goto(`/documents/${id}`);
  await page.getByRole('status').filter({ hasText: 'Synchronisé' }).waitFor();
  await editorBody(page).getByText(text).waitFor();
}

/** How far the page scrolls sideways (0 when it fits the viewport). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The header's main navigation. */
export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Navigation principale' });
}
