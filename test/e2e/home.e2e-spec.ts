import type { RoundDetailDto } from '@coupole/shared';
import { apiAs, createDocument, horizontalOverflow, mainNav, useBrowserApp, type ApiClient } from '../support/app';
import { PHONE_VIEWPORT, screenshot } from '../support/browser';

const app = useBrowserApp();
let secretariat: ApiClient;

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

async function openRound(title: string, closesAt: string): Promise<RoundDetailDto> {
  const document = await createDocument(secretariat, { title });
  await secretariat.request(`/documents/${document.id}/versions`, { method: 'POST', body: { label: 'v1' } });
  return secretariat.request<RoundDetailDto>(`/documents/${document.id}/rounds`, {
    method: 'POST',
    body: { version: 1, question: `Adoptons-nous « ${title} » ?`, closesAt },
  });
}

beforeAll(async () => {
  secretariat = await apiAs(app.server, 'secretariat@demo.coupole.be');
});

describe('home page (Accueil)', () => {
  it("lands a representative on what needs their federation, most urgent first, kept live, with a banner on the document", async () => {
    const later = await openRound('Note sur les permanences sociales', inHours(96));
    await openRound('Courrier urgent au cabinet', inHours(5));
    const thread = await secretariat.request<{ id: string }>(
      `/documents/${(await createDocument(secretariat, { title: 'Analyse des agréments' })).id}/comments`,
      { method: 'POST', body: { body: 'Merci à @codef de relire le § 2.' } },
    );
    expect(thread.id).toBeTruthy();
    await secretariat.request('/infos', {
      method: 'POST',
      body: { title: 'Appel à projets ILI 2027 publié', body: 'Le SPW publie l’appel 2027.', topics: ['reglementaire'], toDiscuss: true },
    });

    const page = await app.signedIn('codef@demo.coupole.be');
    await page.waitForURL('**/accueil');
    await page.getByRole('heading', { level: 1, name: 'Accueil' }).waitFor();
    const awaiting = page.getByRole('region', { name: /Tours qui attendent la réponse de votre fédération/ });
    const items = awaiting.getByRole('listitem');
    await items.filter({ hasText: 'Courrier urgent au cabinet' }).waitFor();
    const texts = await items.allInnerTexts();
    const urgent = texts.findIndex((text) => text.includes('Courrier urgent au cabinet'));
    expect(urgent).toBeLessThan(texts.findIndex((text) => text.includes('Note sur les permanences sociales')));
    expect(texts[urgent]).toContain('Moins de 24 h');
    await page.getByRole('region', { name: /Vous êtes mentionné·e/ }).getByText('Merci à @codef de relire le § 2.').waitFor();

    // Live: a round opened now appears without a reload.
    await openRound('Communiqué sur le décret', inHours(48));
    await items.filter({ hasText: 'Communiqué sur le décret' }).waitFor();
    // The sections other areas provide: my follow-up actions and the infos to discuss.
    await page.getByRole('region', { name: 'Mes actions' }).waitFor();
    await page.getByRole('region', { name: 'Infos à discuter' }).getByRole('link', { name: 'Appel à projets ILI 2027 publié' }).waitFor();
    await screenshot(page, 'home-representative');
    const phone = await app.signedIn('codef@demo.coupole.be', PHONE_VIEWPORT);
    await phone.waitForURL('**/accueil');
    await phone.getByRole('region', { name: /Tours qui attendent la réponse de votre fédération/ }).getByRole('link', { name: /Courrier urgent au cabinet/ }).waitFor();
    await phone.getByRole('region', { name: 'Infos à discuter' }).waitFor();
    expect(await horizontalOverflow(phone)).toBe(0);
    await screenshot(phone, 'home-representative-phone');

    await awaiting.getByRole('link', { name: /Courrier urgent au cabinet/ }).click();
    await page.waitForURL('**/tours/**');
    await page.getByRole('heading', { level: 1, name: 'Adoptons-nous « Courrier urgent au cabinet » ?' }).waitFor();
    await page.goto(`/documents/${later.documentId}`);
    const banner = page.getByRole('status').filter({ hasText: 'soumis au tour de consensus n° 1' });
    await banner.waitFor();
    await banner.getByRole('link', { name: 'Voir le tour n° 1 et répondre' }).click();
    await page.waitForURL(`**/tours/${later.id}`);
  });

  it('gives the secretariat the federations that have not answered, "Relancer" once, and a deadline extension', async () => {
    const round = await openRound('Mémorandum à relancer', inHours(30));
    const page = await app.signedIn('secretariat@demo.coupole.be');
    await page.waitForURL('**/accueil');
    const followUp = page.getByRole('region', { name: /Suivi des tours ouverts/ });
    const entry = followUp.getByRole('listitem').filter({ hasText: 'Mémorandum à relancer' }).first();
    await entry.waitFor();
    const remindRisome = entry.getByRole('button', { name: 'Relancer Risome' });
    await remindRisome.click();
    await entry.getByText(/relancée le/).waitFor();
    expect(await remindRisome.isDisabled()).toBe(true);
    await screenshot(page, 'home-secretariat');
    const phone = await app.signedIn('secretariat@demo.coupole.be', PHONE_VIEWPORT);
    await phone.waitForURL('**/accueil');
    await phone.getByRole('region', { name: /Suivi des tours ouverts/ }).getByRole('link', { name: /Mémorandum à relancer/ }).first().waitFor();
    expect(await horizontalOverflow(phone)).toBe(0);
    await screenshot(phone, 'home-secretariat-phone');

    await entry.getByRole('button', { name: 'Prolonger l’échéance' }).click();
    const dialog = page.getByRole('dialog', { name: 'Prolonger l’échéance' });
    await dialog.getByLabel('Motif (facultatif)').fill('Assemblées générales');
    await dialog.getByRole('button', { name: 'Prolonger' }).click();
    await dialog.waitFor({ state: 'detached' });
    const updated = await secretariat.request<RoundDetailDto>(`/rounds/${round.id}`);
    expect(new Date(updated.closesAt).getTime()).toBeGreaterThan(new Date(round.closesAt).getTime());
    expect(updated.deadlineExtensions).toMatchObject([{ reason: 'Assemblées générales' }]);
  });
});

describe('creating documents', () => {
  it('offers "Nouveau document" to representatives, never to observers', async () => {
    const page = await app.signedIn('aleap@demo.coupole.be');
    await mainNav(page).getByRole('link', { name: 'Documents' }).click();
    await page.getByRole('button', { name: 'Nouveau document' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouveau document' });
    await dialog.getByLabel('Titre').fill('Note de l’ALEAP sur les permanences');
    await dialog.getByLabel('Type de document').selectOption('note_technique');
    await dialog.getByRole('button', { name: 'Créer le document' }).click();
    await page.getByRole('heading', { level: 1, name: 'Note de l’ALEAP sur les permanences' }).waitFor();

    const observer = await app.signedIn('observateur@demo.coupole.be');
    await observer.goto('/documents');
    await observer.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
    expect(await observer.getByRole('button', { name: 'Nouveau document' }).count()).toBe(0);
  });
});
