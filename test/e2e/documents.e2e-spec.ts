import type { DocumentDetailDto } from '@coupole/shared';
import type { Browser, Page } from 'playwright-core';
import { PHONE_VIEWPORT, launchBrowser, openPage, screenshot, type TestPage } from '../support/browser';
import { startServer, type ServerProcess } from '../support/server-process';

const DEMO_PASSWORD = 'coupole-demo';
const NOTE = '# Note sur le parcours\n\nLe décret de 2018 encadre le parcours d’intégration.\n\nLes ILI demandent des moyens stables.\n';

let server: ServerProcess;
let browser: Browser;
let secretariatToken: string;
const openPages: TestPage[] = [];

async function apiLogin(email: string): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function createDocument(title: string, markdown = NOTE): Promise<DocumentDetailDto> {
  const response = await fetch(`${server.baseUrl}/api/documents`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secretariatToken}` },
    body: JSON.stringify({ title, kind: 'note_technique', markdown }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as DocumentDetailDto;
}

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startServer();
  secretariatToken = await apiLogin('secretariat@demo.coupole.be');
});

afterEach(async () => {
  for (const { context, errors } of openPages.splice(0)) {
    await context.close();
    // 401 from /auth/me before login is expected and handled by the app.
    expect(errors.filter((line) => !/status of 401/.test(line))).toEqual([]);
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const opened = await openPage(browser, { baseUrl: server.baseUrl, viewport });
  openPages.push(opened);
  const { page } = opened;
  await page.goto('/');
  await page.waitForURL('**/connexion**');
  await page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => !url.pathname.includes('connexion'));
  return page;
}

function editorBody(page: Page) {
  return page.getByRole('textbox', { name: 'Texte du document' });
}

async function openDocument(page: Page, id: string) {
  await page.goto(`/documents/${id}`);
  await page.getByRole('status').filter({ hasText: 'Synchronisé' }).waitFor();
  await editorBody(page).getByText('Les ILI demandent').waitFor();
}

/** Puts the caret at the end of the paragraph holding `text`. */
async function caretAfter(page: Page, text: string) {
  await editorBody(page).getByText(text).click();
  await page.keyboard.press('End');
}

describe('documents list', () => {
  it('lists documents with French kind and status, filters them and opens the creation form for the secretariat', async () => {
    const created = await createDocument('Mémorandum régional 2026');
    const page = await signedIn('secretariat@demo.coupole.be');
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Documents' }).click();
    await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();

    const row = page.getByRole('row').filter({ hasText: created.title });
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/Note technique[\s\S]*En rédaction/);

    await page.getByLabel('Rechercher dans les titres et le texte').fill('mémorandum');
    await page.waitForURL(/q=m%C3%A9morandum/);
    await row.waitFor();
    await page.getByLabel('Statut').selectOption('withdrawn');
    await page.waitForURL(/status=withdrawn/);
    await page.getByText('Aucun document ne correspond à ces critères.').waitFor();
    await page.getByLabel('Statut').selectOption('');
    await row.waitFor();
    await screenshot(page, 'documents-list');

    await page.getByRole('button', { name: 'Nouveau document' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouveau document' });
    await dialog.getByRole('button', { name: 'Créer le document' }).click();
    await dialog.getByText('Indiquez le titre du document.').waitFor();
    await dialog.getByLabel('Titre').fill('Courrier au ministre');
    await dialog.getByLabel('Type de document').selectOption('courrier');
    await dialog.getByLabel('Texte en Markdown').check();
    await dialog.getByLabel('Texte de départ (Markdown)').fill('Monsieur le Ministre,\n\nNous vous écrivons au sujet du parcours.\n');
    await screenshot(page, 'documents-create-dialog');
    await dialog.getByRole('button', { name: 'Créer le document' }).click();

    await page.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Courrier au ministre' }).waitFor();
    await editorBody(page).getByText('Nous vous écrivons au sujet du parcours.').waitFor();
  });

  it('hides the creation button from representatives', async () => {
    const page = await signedIn('caips@demo.coupole.be');
    await page.goto('/documents');
    await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('button', { name: 'Nouveau document' }).count()).toBe(0);
  });

  it('shows live who is editing a document right now', async () => {
    const note = await createDocument('Note suivie depuis la liste');
    const aleap = await signedIn('aleap@demo.coupole.be');
    await aleap.goto('/documents');
    const row = aleap.getByRole('row').filter({ hasText: note.title });
    await expect(row.innerText()).resolves.toContain('Personne');

    const caips = await signedIn('caips@demo.coupole.be');
    await openDocument(caips, note.id);
    await row.getByText('(CAIPS)').waitFor({ timeout: 5_000 });

    await caips.goto('/documents');
    await row.getByText('Personne').waitFor({ timeout: 5_000 });
  });

  it('stays readable on a phone', async () => {
    await createDocument('Analyse des listes d’attente');
    const page = await signedIn('aleap@demo.coupole.be', PHONE_VIEWPORT);
    await page.goto('/documents');
    await page.getByRole('link', { name: 'Analyse des listes d’attente' }).first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'documents-list-phone');
  });
});

describe('live co-editing', () => {
  it('shows each representative the other’s words within two seconds, with presence and saved state', async () => {
    const note = await createDocument('Note co-rédigée en direct');
    const aleap = await signedIn('aleap@demo.coupole.be');
    const caips = await signedIn('caips@demo.coupole.be');
    await openDocument(aleap, note.id);
    await openDocument(caips, note.id);

    // Each sees the other in the presence list, by name and federation, not colour alone.
    const presence = (page: Page) => page.getByRole('region', { name: 'Personnes présentes dans le document' });
    await presence(aleap).getByText('CAIPS').waitFor();
    await presence(caips).getByText('ALEAP').waitFor();

    await caretAfter(aleap, 'Le décret de 2018');
    await aleap.keyboard.type(' Proposition ALEAP.');
    const seenByCaips = Date.now();
    await editorBody(caips).getByText('Proposition ALEAP.', { exact: false }).waitFor({ timeout: 2_000 });
    const aleapToCaipsMs = Date.now() - seenByCaips;

    await caretAfter(caips, 'Les ILI demandent');
    await caips.keyboard.type(' Amendement CAIPS.');
    const seenByAleap = Date.now();
    await editorBody(aleap).getByText('Amendement CAIPS.', { exact: false }).waitFor({ timeout: 2_000 });
    const caipsToAleapMs = Date.now() - seenByAleap;

    for (const page of [aleap, caips]) {
      await page.getByRole('status').filter({ hasText: 'Enregistré' }).waitFor();
    }
    // A remote caret carries the person's name.
    await aleap.locator('.collaboration-carets__label', { hasText: 'CAIPS' }).waitFor();
    await screenshot(aleap, 'editor-aleap');
    await screenshot(caips, 'editor-caips');

    // What was acknowledged is durable: the API's Markdown holds both edits.
    const stored = (await (
      await fetch(`${server.baseUrl}/api/documents/${note.id}`, { headers: { Authorization: `Bearer ${secretariatToken}` } })
    ).json()) as DocumentDetailDto;
    expect(stored.markdown).toContain('Le décret de 2018 encadre le parcours d’intégration. Proposition ALEAP.');
    expect(stored.markdown).toContain('Les ILI demandent des moyens stables. Amendement CAIPS.');
    console.info(`co-editing latency: ALEAP→CAIPS ${aleapToCaipsMs} ms, CAIPS→ALEAP ${caipsToAleapMs} ms`);
  });

  it('keeps edits typed offline and sends them once the connection is back', async () => {
    const note = await createDocument('Note hors ligne');
    const aleap = await signedIn('aleap@demo.coupole.be');
    const caips = await signedIn('caips@demo.coupole.be');
    await openDocument(aleap, note.id);
    await openDocument(caips, note.id);

    await aleap.context().setOffline(true);
    await aleap.getByRole('status').filter({ hasText: 'Hors ligne — vos modifications sont conservées' }).waitFor();
    await caretAfter(aleap, 'Les ILI demandent');
    await aleap.keyboard.type(' Écrit hors ligne.');
    await aleap.getByRole('status').filter({ hasText: 'Enregistrement…' }).waitFor();
    await screenshot(aleap, 'editor-offline');

    await aleap.context().setOffline(false);
    await aleap.getByRole('status').filter({ hasText: 'Enregistré' }).waitFor({ timeout: 15_000 });
    await editorBody(caips).getByText('Écrit hors ligne.', { exact: false }).waitFor({ timeout: 5_000 });
  });

  it('shows observers the text read-only, with the reason', async () => {
    const note = await createDocument('Note pour observateur');
    const observer = await fetch(`${server.baseUrl}/api/users`, { headers: { Authorization: `Bearer ${await apiLogin('admin@demo.coupole.be')}` } })
      .then((response) => response.json() as Promise<{ items: { id: string; email: string }[] }>)
      .then(({ items }) => items.find((user) => user.email === 'observateur@demo.coupole.be')!);
    const invite = await fetch(`${server.baseUrl}/api/documents/${note.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secretariatToken}` },
      body: JSON.stringify({ observerIds: [observer.id] }),
    });
    expect(invite.status).toBe(200);

    const page = await signedIn('observateur@demo.coupole.be');
    await openDocument(page, note.id);
    await page.getByText('En tant qu’observateur·rice, vous pouvez lire et commenter ce texte, mais pas le modifier.').waitFor();
    await expect(editorBody(page).getAttribute('contenteditable')).resolves.toBe('false');
    expect(await page.getByRole('button', { name: 'Gras' }).count()).toBe(0);
    await screenshot(page, 'editor-observer');
  });
});

describe('versions', () => {
  it('freezes a version with its hash, shows the word diff with the draft and restores it', async () => {
    const note = await createDocument('Note versionnée');
    const page = await signedIn('codef@demo.coupole.be');
    await openDocument(page, note.id);
    await page.getByRole('tab', { name: 'Versions' }).click();
    await page.getByLabel('Libellé de la version (facultatif)').fill('Avant relecture');
    await page.getByRole('button', { name: 'Figer une version' }).click();
    await page.getByText(/Version 1 figée \(empreinte [0-9a-f]{12}\)/).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Avant relecture' }).waitFor();

    await caretAfter(page, 'Les ILI demandent');
    await page.keyboard.type(' Et durables.');
    await page.getByRole('status').filter({ hasText: 'Enregistré' }).waitFor();
    await page.getByLabel('Jusqu’à').selectOption('1');
    await page.getByLabel('Jusqu’à').selectOption('draft');
    const inserted = page.locator('.diff ins');
    await inserted.first().waitFor();
    await expect(inserted.allInnerTexts()).resolves.toEqual(expect.arrayContaining([expect.stringContaining('Et durables.')]));
    await expect(page.locator('.diff ins .visually-hidden').first().innerText()).resolves.toContain('ajout');
    await screenshot(page, 'versions-diff');

    await page.getByRole('button', { name: 'Restaurer la version 1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restaurer la version 1 ?' });
    await dialog.getByRole('button', { name: 'Restaurer cette version' }).click();
    await editorBody(page).getByText('Et durables.').waitFor({ state: 'detached', timeout: 5_000 });
    await page.getByRole('tab', { name: 'Historique' }).click();
    await page.getByText('a figé la version 1').waitFor();
    await page.getByText('a restauré la version 1').waitFor();
    await screenshot(page, 'timeline');
  });
});
