import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = resolve(__dirname, '..', 'artifacts');

export const LAPTOP_VIEWPORT = { width: 1280, height: 800 };
export const PHONE_VIEWPORT = { width: 390, height: 844 };

/** Debian's Chromium, never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console errors seen in the page, to assert a clean run. */
  errors: string[];
}

export interface OpenPageOptions {
  baseUrl: string;
  viewport?: { width: number; height: number };
}

let contextsOpened = 0;

/**
 * An address of its own for each browser context (TEST-NET-2, 198.51.100.0/24), sent as
 * X-Forwarded-For: the suites' servers trust the loopback proxy (useBrowserApp), so each page
 * counts against the per-address login limit (20 a minute) as its own person, as the federations'
 * representatives do from their own offices. A suite signs in more than 20 times a minute.
 */
function nextClientAddress(): string {
  contextsOpened += 1;
  return `198.51.100.${(contextsOpened % 254) + 1}`;
}

/** A fresh context (no cookies) set up like a Belgian user's browser. */
export async function openPage(browser: Browser, { baseUrl, viewport = LAPTOP_VIEWPORT }: OpenPageOptions): Promise<TestPage> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport,
    locale: 'fr-BE',
    timezoneId: 'Europe/Brussels',
    isMobile: viewport.width < 500,
    hasTouch: viewport.width < 500,
    extraHTTPHeaders: { 'X-Forwarded-For': nextClientAddress() },
  });
  // Fail fast: every step of these flows takes well under a second on a warm server.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return { context, page, errors };
}

/** test/artifacts/<name>.png (the folder created), for a screenshot of the page or of one element. */
export function screenshotPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
}

/** PNG in test/artifacts/<name>.png, the whole page unless fullPage is false; returns the path. */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<string> {
  const path = screenshotPath(name);
  await page.screenshot({ path, fullPage });
  return path;
}
