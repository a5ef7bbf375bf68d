/*
 * First-load benchmark: what a representative's browser downloads, and how long until the editor
 * is usable, on a throttled connection. Loopback only, bounded (a minute or two).
 *
 *   npm run build && npm run bench:first-load -w test
 *
 * A built server with demo data is started (embedded database unless DATABASE_URL is set), then
 * Debian's Chromium, with a cold cache and the network throttled through the DevTools protocol
 * (FIRST_LOAD_PROFILE: `slow4g` by default — 150 ms RTT, 1.6 Mb/s down, 750 kb/s up; `fast` for
 * no throttling). It measures:
 *   1. the sign-in page: bytes on the wire (compressed when the server compresses) and decoded,
 *      per type, and the time until the form can be typed in;
 *   2. a document opened by URL, signed in, cold cache: bytes and time until the editor shows
 *      "Synchronisé" with the text in it (interactive editor);
 *   3. the same document again with a warm cache (hashed assets must come from the cache).
 * Each figure is the median of FIRST_LOAD_RUNS runs (3 by default). It prints figures; it asserts
 * nothing.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { login } from '../support/collab-client';
import { startServer } from '../support/server-process';

const PASSWORD = 'coupole-demo';
const PROFILES = {
  slow4g: { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
  fast: { latency: 0, downloadThroughput: -1, uploadThroughput: -1 },
} as const;
const profileName = (process.env.FIRST_LOAD_PROFILE ?? 'slow4g') as keyof typeof PROFILES;
const RUNS = Number(process.env.FIRST_LOAD_RUNS ?? 3);

interface Transfer {
  requests: number;
  fromCache: number;
  wireBytes: number;
  decodedBytes: number;
  byType: Record<string, number>;
}

/** Counts every response of the page through the DevTools protocol (wire and decoded sizes). */
async function meter(cdp: CDPSession): Promise<() => Transfer> {
  const types = new Map<string, string>();
  const decoded = new Map<string, number>();
  const cached = new Set<string>();
  const transfer: Transfer = { requests: 0, fromCache: 0, wireBytes: 0, decodedBytes: 0, byType: {} };
  cdp.on('Network.responseReceived', (event) => {
    types.set(event.requestId, event.type);
    if (event.response.fromDiskCache) cached.add(event.requestId);
  });
  cdp.on('Network.requestServedFromCache', (event) => cached.add(event.requestId));
  cdp.on('Network.dataReceived', (event) => decoded.set(event.requestId, (decoded.get(event.requestId) ?? 0) + event.dataLength));
  cdp.on('Network.loadingFinished', (event) => {
    transfer.requests += 1;
    if (cached.has(event.requestId)) {
      transfer.fromCache += 1;
      return;
    }
    const type = types.get(event.requestId) ?? 'Other';
    transfer.wireBytes += event.encodedDataLength;
    transfer.decodedBytes += decoded.get(event.requestId) ?? 0;
    transfer.byType[type] = (transfer.byType[type] ?? 0) + event.encodedDataLength;
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...PROFILES[profileName] });
  return () => transfer;
}

async function signInPage(browser: Browser, baseUrl: string) {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'fr-BE', timezoneId: 'Europe/Brussels' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const read = await meter(cdp);
  const started = Date.now();
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail', { exact: true }).waitFor();
  const ms = Date.now() - started;
  await page.waitForLoadState('networkidle');
  const transfer = read();
  await context.close();
  return { ms, transfer };
}

async function openEditor(page: Page, documentId: string): Promise<number> {
  const started = Date.now();
  await page.goto(`/documents/${documentId}`);
  await page.getByRole('status').filter({ hasText: 'Synchronisé' }).waitFor({ timeout: 60_000 });
  await page.getByRole('textbox', { name: 'Texte du document' }).locator('p').first().waitFor({ timeout: 60_000 });
  return Date.now() - started;
}

async function editorLoads(browser: Browser, baseUrl: string, token: string, documentId: string) {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'fr-BE', timezoneId: 'Europe/Brussels' });
  const url = new URL(baseUrl);
  await context.addCookies([
    { name: 'coupole_session', value: token, domain: url.hostname, path: '/', httpOnly: true, sameSite: 'Lax' },
    // What the login answer sets beside it: the app asks /api/auth/me only with it.
    { name: 'coupole_signed_in', value: '1', domain: url.hostname, path: '/', sameSite: 'Lax' },
  ]);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const readCold = await meter(cdp);
  const coldMs = await openEditor(page, documentId);
  await page.waitForLoadState('networkidle');
  const cold = { ...readCold(), byType: { ...readCold().byType } };
  const before = readCold();
  const snapshot = { requests: before.requests, fromCache: before.fromCache, wireBytes: before.wireBytes };
  await page.goto('about:blank');
  const warmMs = await openEditor(page, documentId);
  await page.waitForLoadState('networkidle');
  const after = readCold();
  const warm = {
    requests: after.requests - snapshot.requests,
    fromCache: after.fromCache - snapshot.fromCache,
    wireBytes: after.wireBytes - snapshot.wireBytes,
  };
  await context.close();
  return { coldMs, cold, warmMs, warm };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

async function main(): Promise<void> {
  const server = await startServer({ startTimeoutMs: 120_000 });
  const browser = await launchBrowser();
  try {
    const token = await login(server.baseUrl, 'aleap@demo.coupole.be', PASSWORD);
    const list = (await (await fetch(`${server.baseUrl}/api/documents`, { headers: { Authorization: `Bearer ${token}` } })).json()) as {
      items: { id: string }[];
    };
    const documentId = list.items[0].id;
    const signIns = [];
    const editors = [];
    for (let run = 0; run < RUNS; run += 1) {
      signIns.push(await signInPage(browser, server.baseUrl));
      editors.push(await editorLoads(browser, server.baseUrl, token, documentId));
    }
    const last = (values: { transfer: Transfer }[]) => values[values.length - 1].transfer;
    console.log(
      JSON.stringify({
        profile: profileName,
        runs: RUNS,
        signIn: {
          msToForm: median(signIns.map((s) => s.ms)),
          wireKB: kb(last(signIns).wireBytes),
          decodedKB: kb(last(signIns).decodedBytes),
          requests: last(signIns).requests,
          wireKBByType: Object.fromEntries(Object.entries(last(signIns).byType).map(([type, bytes]) => [type, kb(bytes)])),
        },
        editorCold: {
          msToSynchronised: median(editors.map((e) => e.coldMs)),
          wireKB: kb(editors[editors.length - 1].cold.wireBytes),
          decodedKB: kb(editors[editors.length - 1].cold.decodedBytes),
          requests: editors[editors.length - 1].cold.requests,
          wireKBByType: Object.fromEntries(Object.entries(editors[editors.length - 1].cold.byType).map(([type, bytes]) => [type, kb(bytes)])),
        },
        editorWarm: {
          msToSynchronised: median(editors.map((e) => e.warmMs)),
          wireKB: kb(editors[editors.length - 1].warm.wireBytes),
          requests: editors[editors.length - 1].warm.requests,
          fromCache: editors[editors.length - 1].warm.fromCache,
        },
      }),
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
