import type { FederationDto, ListResponse } from '@coupole/shared';
import type { Page } from 'playwright-core';
import { apiAs, horizontalOverflow, logIn, mainNav, useBrowserApp } from '../support/app';
import { PHONE_VIEWPORT, screenshot } from '../support/browser';

const REPRESENTATIVE = { email: 'aleap@demo.coupole.be', name: 'Nadia Benali' };
const ADMIN = { email: 'admin@demo.coupole.be', name: 'Sophie Lambert' };

const app = useBrowserApp();
let federations: FederationDto[];

beforeAll(async () => {
  const admin = await apiAs(app.server, ADMIN.email);
  federations = (await admin.request<ListResponse<FederationDto>>('/federations')).items;
});

describe('signing in through the browser', () => {
  it('takes a representative from the login form to the home page, then to the five federations', async () => {
    const page = await app.open();
    await logIn(page, REPRESENTATIVE.email);

    await page.waitForURL('**/accueil');
    await expectHeading(page, 'Accueil');
    await mainNav(page).getByRole('link', { name: 'Fédérations' }).click();
    await page.waitForURL('**/federations');
    await expectHeading(page, 'Fédérations');
    const cards = page.getByRole('main').getByRole('article');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(5);
    const names = await page.getByRole('main').getByRole('heading', { level: 2 }).allInnerTexts();
    expect(names.sort()).toEqual(federations.map((federation) => federation.name).sort());

    const aleap = page.getByRole('article', { name: federations.find((f) => f.slug === 'aleap')!.name });
    // textContent: innerText would follow the CSS upper-casing of the group titles.
    await expect(aleap.textContent()).resolves.toContain(REPRESENTATIVE.name);
    await expect(aleap.textContent()).resolves.toContain('Mandataire (titulaire)');

    // The header's account button names who is signed in; its tooltip adds the role and federation.
    const account = page.getByRole('banner').getByRole('button', { name: `Votre compte : ${REPRESENTATIVE.name}` });
    await expect(account.getAttribute('title')).resolves.toBe(`${REPRESENTATIVE.name} — Représentant·e · ALEAP`);
    expect(await page.title()).toBe('Fédérations — Coupole');
    await screenshot(page, 'federations-representative-laptop');
  });

  it('signs in with no 401 and no warning in the console: the session is asked for only once signed in', async () => {
    const page = await app.open();
    const lines: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') lines.push(`${message.type()}: ${message.text()}`);
    });
    const refused: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 401) refused.push(response.url());
    });
    await logIn(page, REPRESENTATIVE.email);
    await page.waitForURL('**/accueil');
    await expectHeading(page, 'Accueil');
    await page.reload();
    await expectHeading(page, 'Accueil');

    expect(refused).toEqual([]);
    expect(lines.filter((line) => /401|HydrateFallback/.test(line))).toEqual([]);
  });

  it('leads /login to the sign-in page, not to "Page introuvable"', async () => {
    const page = await app.open();
    await page.goto('/login');
    await page.waitForURL('**/connexion');
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    expect(await page.getByText('Page introuvable').count()).toBe(0);
  });

  it('shows the French error for a wrong password and stays on the login page', async () => {
    const page = await app.open();
    await logIn(page, REPRESENTATIVE.email, 'not-the-password');

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Identifiants invalides');
    expect(new URL(page.url()).pathname).toBe('/connexion');
    await screenshot(page, 'login-wrong-password');
  });

  it('says so in French when an account is held back after repeated failures', async () => {
    app.expectConsoleErrors(/status of 429/);
    const page = await app.open();
    await logIn(page, 'observateur@demo.coupole.be', 'wrong-password-1');
    const alert = page.getByRole('alert');
    // Five failures are free, then each attempt must wait longer (1 s, 2 s, 4 s…): quick retries
    // reach the wait whatever the machine's speed.
    for (let attempt = 2; attempt <= 10; attempt += 1) {
      await page.getByLabel('Mot de passe', { exact: true }).fill(`wrong-password-${attempt}`);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('button', { name: 'Se connecter' }).waitFor();
      if (attempt >= 6 && /Trop de tentatives/.test(await alert.innerText().catch(() => ''))) break;
    }
    await alert.getByText('Trop de tentatives').waitFor();
    expect(await alert.innerText()).not.toMatch(/Too Many|Throttler/);
    await screenshot(page, 'login-too-many-attempts');
  });

  it('keeps the session across a reload and hides Administration from representatives', async () => {
    const page = await app.open();
    await logIn(page, REPRESENTATIVE.email);
    await page.waitForURL('**/accueil');

    await page.reload();
    await expectHeading(page, 'Accueil');
    await page.getByRole('banner').getByRole('button', { name: `Votre compte : ${REPRESENTATIVE.name}` }).waitFor();

    const links = await mainNav(page).getByRole('link').allInnerTexts();
    expect(links).toContain('Fédérations');
    expect(links).not.toContain('Administration');
    await page.goto('/administration');
    await expectHeading(page, 'Accès réservé');
  });

  it('logs out and then refuses the pages behind the session', async () => {
    const page = await app.open();
    await logIn(page, REPRESENTATIVE.email);
    await page.waitForURL('**/accueil');

    // The account menu: who is signed in, then profile, password and sign-out.
    const account = page.getByRole('button', { name: `Votre compte : ${REPRESENTATIVE.name}` });
    await account.click();
    expect(await account.getAttribute('aria-expanded')).toBe('true');
    await page.getByText('Représentant·e · ALEAP').waitFor();
    await screenshot(page, 'account-menu-open', { fullPage: false });
    // Escape closes it and gives the focus back to its button.
    await page.keyboard.press('Escape');
    expect(await account.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Votre compte : ${REPRESENTATIVE.name}`);
    await account.click();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL('**/connexion**');
    await page.goto('/federations');
    await page.waitForURL('**/connexion**');
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
  });
});

describe('header', () => {
  it('fits on one line at 1280 px with every section of the admin, in the order it is seen (sections, bell, account)', async () => {
    const page = await app.open({ width: 1280, height: 800 });
    await logIn(page, ADMIN.email);
    await page.waitForURL('**/accueil');
    await mainNav(page).getByRole('link', { name: 'Administration' }).waitFor();
    await screenshot(page, 'header-admin-1280', { fullPage: false });
    const header = page.locator('.app-header__inner');
    const wordmark = page.locator('.wordmark');
    // One row: the header is no taller than its tallest item plus its padding.
    const [headerBox, markBox] = [await header.boundingBox(), await wordmark.boundingBox()];
    expect(headerBox!.height).toBeLessThan(markBox!.height + 40);
    const items = [mainNav(page).getByRole('link').last(), page.getByRole('button', { name: /^Notifications/ }), page.getByRole('button', { name: /^Votre compte/ })];
    const tops = await Promise.all(items.map(async (item) => (await item.boundingBox())!.y));
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(12);
    const lefts = await Promise.all(items.map(async (item) => (await item.boundingBox())!.x));
    expect([...lefts].sort((a, b) => a - b)).toEqual(lefts);
    expect(await horizontalOverflow(page)).toBe(0);

    // Tab order follows that place: the last section, then the bell, then the account.
    await mainNav(page).getByRole('link').last().focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(/^Notifications/);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(/^Votre compte/);
  });

  it.each([
    ['the admin, with every section', ADMIN.email, /^Administration$/],
    ['FdSS, the longest federation name', 'fdss@demo.coupole.be', /^Fédérations$/],
  ])('fits on one line at 1366 px for %s, the account panel inside the window', async (_who, email, lastSection) => {
    const page = await app.open({ width: 1366, height: 768 });
    await logIn(page, email);
    await page.waitForURL('**/accueil');
    const last = mainNav(page).getByRole('link').last();
    await expect(last.innerText()).resolves.toMatch(lastSection);
    const [headerBox, markBox] = [await page.locator('.app-header__inner').boundingBox(), await page.locator('.wordmark').boundingBox()];
    expect(headerBox!.height).toBeLessThan(markBox!.height + 40);
    const items = [last, page.getByRole('button', { name: /^Notifications/ }), page.getByRole('button', { name: /^Votre compte/ })];
    const tops = await Promise.all(items.map(async (item) => (await item.boundingBox())!.y));
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(12);
    expect(await horizontalOverflow(page)).toBe(0);

    await page.getByRole('button', { name: /^Votre compte/ }).click();
    const federationLine = email.startsWith('fdss') ? page.getByText('Représentant·e · FdSS – Fédération des Services Sociaux') : page.getByText(/^Administrateur·rice/);
    await federationLine.waitFor();
    const panel = (await federationLine.boundingBox())!;
    expect(panel.x).toBeGreaterThanOrEqual(0);
    expect(panel.x + panel.width).toBeLessThanOrEqual(1366);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, `header-1366-${email.split('@')[0]}`, { fullPage: false });
  });
});

describe('account administration', () => {
  it('lets the admin reach the users table from the navigation', async () => {
    const page = await app.open();
    await logIn(page, ADMIN.email);
    await page.waitForURL('**/accueil');

    await mainNav(page).getByRole('link', { name: 'Administration' }).click();
    await page.waitForURL('**/administration');
    const table = page.getByRole('table');
    await table.waitFor();
    const headers = await table.getByRole('columnheader').allInnerTexts();
    expect(headers.map((header) => header.toLowerCase())).toEqual(
      expect.arrayContaining(['nom', 'rôle', 'fédération', 'mandat', 'statut']),
    );
    const rowHeaders = await table.getByRole('rowheader').allInnerTexts();
    expect(rowHeaders.length).toBeGreaterThanOrEqual(9);
    expect(rowHeaders.join('\n')).toContain(REPRESENTATIVE.email);
    const nadia = table.getByRole('row', { name: new RegExp(REPRESENTATIVE.name) });
    await expect(nadia.innerText()).resolves.toMatch(/Représentant·e[\s\S]*Mandataire \(titulaire\)[\s\S]*Actif/);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'administration-users-laptop');
  });

  it('creates a representative whose temporary password must be changed at first login', async () => {
    const admin = await app.open();
    await logIn(admin, ADMIN.email);
    await admin.waitForURL('**/accueil');
    await admin.goto('/administration');
    await admin.getByRole('button', { name: 'Créer un compte' }).click();

    // Submitting empty shows the form's own French messages.
    await admin.getByRole('button', { name: 'Créer le compte' }).click();
    await admin.getByText('Indiquez le nom de la personne.').waitFor();

    await admin.getByLabel('Nom affiché').fill('Léa Martin');
    await admin.getByLabel('Adresse e-mail').fill('lea.martin@codef.example');
    await admin.getByLabel('Rôle').selectOption({ label: 'Représentant·e' });
    const codef = federations.find((federation) => federation.slug === 'codef')!;
    await admin.getByLabel('Fédération').selectOption({ label: codef.name });
    await admin.getByLabel('Mandat').selectOption({ label: 'Suppléant·e' });
    await admin.getByRole('button', { name: 'Créer le compte' }).click();

    const notice = admin.getByRole('region', { name: /Compte créé pour Léa Martin/ });
    await notice.waitFor();
    await expect(notice.innerText()).resolves.toContain('devra être changé lors de la première connexion');
    const temporaryPassword = (await notice.getByLabel('Mot de passe provisoire').innerText()).trim();
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(10);
    const newRow = admin.getByRole('row', { name: /Léa Martin/ });
    await expect(newRow.innerText()).resolves.toMatch(/Suppléant·e[\s\S]*Mot de passe provisoire/);
    expect(await horizontalOverflow(admin)).toBe(0);
    await screenshot(admin, 'administration-temporary-password');

    const newcomer = await app.open();
    await logIn(newcomer, 'lea.martin@codef.example', temporaryPassword);
    await newcomer.waitForURL('**/mot-de-passe');
    await expectHeading(newcomer, 'Changer le mot de passe');
    expect(await mainNav(newcomer).count()).toBe(0);
    await screenshot(newcomer, 'change-password-required');

    await newcomer.getByLabel('Mot de passe actuel').fill(temporaryPassword);
    await newcomer.getByLabel('Nouveau mot de passe', { exact: true }).fill('une phrase de passe solide');
    await newcomer.getByLabel('Confirmer le nouveau mot de passe').fill('une phrase de passe solide');
    await newcomer.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }).click();

    await newcomer.waitForURL('**/accueil');
    await newcomer.goto('/federations');
    const codefCard = newcomer.getByRole('article', { name: codef.name });
    await codefCard.waitFor();
    await expect(codefCard.innerText()).resolves.toContain('Léa Martin');
  });
});

describe('on a phone', () => {
  it('collapses the navigation behind a menu button and never scrolls sideways', async () => {
    const page = await app.open(PHONE_VIEWPORT);
    await screenshotAfterLoad(page, '/connexion', 'login-phone');
    await logIn(page, ADMIN.email);
    await page.waitForURL('**/accueil');
    await page.goto('/federations');
    await expectHeading(page, 'Fédérations');

    const menuButton = page.getByRole('button', { name: 'Menu' });
    expect(await menuButton.getAttribute('aria-expanded')).toBe('false');
    expect(await mainNav(page).isVisible()).toBe(false);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'federations-phone', { fullPage: false });

    await menuButton.click();
    expect(await page.getByRole('button', { name: 'Fermer le menu' }).getAttribute('aria-expanded')).toBe('true');
    await mainNav(page).getByRole('link', { name: 'Administration' }).click();
    await page.waitForURL('**/administration');
    // Following a link closes the menu again.
    await mainNav(page).waitFor({ state: 'hidden' });
    await page.getByRole('table').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'administration-phone', { fullPage: false });

    await page.getByRole('button', { name: 'Menu' }).click();
    await screenshot(page, 'menu-open-phone', { fullPage: false });
  });
});

async function expectHeading(page: Page, name: string) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function screenshotAfterLoad(page: Page, path: string, name: string) {
  await page.goto(path);
  await page.getByRole('button', { name: 'Se connecter' }).waitFor();
  expect(await horizontalOverflow(page)).toBe(0);
  await screenshot(page, name);
}
