import { apiAs, useBrowserApp } from '../support/app';
import { PHONE_VIEWPORT, screenshot } from '../support/browser';

const app = useBrowserApp();

/** The personal link e-mailed (kept in the outbox, no SMTP) for a consultation. */
async function firstLink(title: string): Promise<string> {
  const admin = await apiAs(app.server, 'admin@demo.coupole.be');
  const outbox = await admin.request<{ items: Array<{ subject: string; text: string }> }>('/admin/outbox');
  const mail = outbox.items.find((item) => item.subject === `Consultation : ${title}`);
  const match = mail ? /\/repondre\/[A-Za-z0-9_-]{22}/.exec(mail.text) : null;
  if (!match) throw new Error(`no invitation for ${title}`);
  return match[0];
}

describe('consultations of the ILI', () => {
  it('a federation builds and launches a consultation, an ILI answers on a phone without an account, the rate moves live', async () => {
    const title = 'Besoins en FLE 2027';
    const aleap = await app.signedIn('aleap@demo.coupole.be');
    await aleap.getByRole('link', { name: 'Consultations' }).first().click();
    await aleap.getByRole('heading', { name: 'Consultations des ILI', level: 1 }).waitFor();
    await aleap.getByRole('link', { name: 'Nouvelle consultation' }).click();

    await aleap.getByLabel('Titre', { exact: true }).fill(title);
    await aleap.getByLabel('Intitulé de la question 1').fill('Votre public principal ?');
    await aleap.getByLabel('Réponses proposées').fill('Primo-arrivants\nRésidents de longue date');
    await aleap.getByRole('button', { name: 'Ajouter une question' }).click();
    await aleap.getByLabel('Intitulé de la question 2').fill('Les moyens FLE suffisent-ils ?');
    await aleap.getByLabel('Type de réponse').nth(1).selectOption('scale');
    await aleap.getByRole('button', { name: 'Ajouter une question' }).click();
    await aleap.getByLabel('Intitulé de la question 3').fill('Une remarque ?');
    await aleap.getByLabel('Type de réponse').nth(2).selectOption('text');
    await aleap.getByLabel('Obligatoire').nth(2).uncheck();
    // Reorder: the scale question first.
    await aleap.getByRole('button', { name: 'Monter la question 2' }).click();
    await expect(aleap.getByLabel('Intitulé de la question 1').inputValue()).resolves.toBe('Les moyens FLE suffisent-ils ?');

    const all = await aleap.getByText(/Cette portée atteint \d+ ILI/).innerText();
    await aleap.getByLabel('Namur').check();
    await aleap.getByText(/Cette portée atteint \d+ ILI/).filter({ hasNotText: all }).waitFor();
    const reach = Number(/atteint (\d+)/.exec(await aleap.getByText(/Cette portée atteint \d+ ILI/).innerText())![1]);
    expect(reach).toBeGreaterThan(0);
    await screenshot(aleap, 'consultation-builder');
    await aleap.getByRole('button', { name: 'Enregistrer le brouillon' }).click();

    await aleap.getByRole('heading', { name: title, level: 1 }).waitFor();
    await aleap.getByRole('button', { name: 'Lancer la consultation' }).click();
    await aleap.getByText(`Consultation lancée : ${reach} ILI invitée`).waitFor();
    await aleap.getByTestId('response-rate').filter({ hasText: `0 ILI sur ${reach} ont répondu` }).waitFor();

    // The ILI, on its phone, without signing in.
    const link = await firstLink(title);
    const phone = await app.open(PHONE_VIEWPORT);
    await phone.goto(link);
    await phone.getByRole('heading', { name: title, level: 1 }).waitFor();
    await phone.getByRole('radio', { name: '4' }).check();
    await phone.getByLabel('Primo-arrivants').check();
    await phone.getByLabel(/Une remarque/).fill('Plus de groupes le soir.');
    await phone.getByText(/Brouillon enregistré à/).waitFor();

    // The draft survives closing the tab.
    await phone.reload();
    await phone.getByRole('heading', { name: title, level: 1 }).waitFor();
    await expect(phone.getByRole('radio', { name: '4' }).isChecked()).resolves.toBe(true);
    await expect(phone.getByLabel(/Une remarque/).inputValue()).resolves.toBe('Plus de groupes le soir.');
    await expect(phone.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE_VIEWPORT.width);
    await screenshot(phone, 'consultation-answer-phone');

    await phone.getByRole('button', { name: 'Envoyer ma réponse' }).click();
    await phone.getByText('Merci, votre réponse est bien enregistrée.').waitFor();
    await screenshot(phone, 'consultation-answer-phone-sent');

    // The federation's page, left open, sees the answer arrive: pushed on /live (the page no
    // longer polls, so nothing else could bring it), well within a poll's former 5 s.
    await aleap.getByTestId('response-rate').filter({ hasText: `1 ILI sur ${reach} ont répondu` }).waitFor({ timeout: 4_000 });
    await aleap.getByRole('cell', { name: 'Plus de groupes le soir.' }).or(aleap.getByText('Plus de groupes le soir.')).first().waitFor();
    await screenshot(aleap, 'consultation-results');

    // After closing, the link says so.
    await aleap.getByRole('button', { name: 'Clôturer maintenant' }).click();
    await aleap.getByText('Clôturée').first().waitFor();
    await phone.reload();
    await phone.getByRole('heading', { name: 'Cette consultation est clôturée' }).waitFor();
    await screenshot(phone, 'consultation-answer-closed');
  });

  it('shows on the demo decision what ALEAP’s voice rested on, with the figures at closing', async () => {
    const caipsApi = await apiAs(app.server, 'caips@demo.coupole.be');
    const register = await caipsApi.request<{ items: Array<{ seq: number; question: string }> }>('/decisions');
    const decision = register.items.find((item) => item.question.startsWith('La version 2, qui intègre'))!;
    const series = await caipsApi.request<{ editions: Array<{ title: string; invited: number; responded: number }> }>('/series/barometre-ili');
    const spring = series.editions.find((edition) => edition.title === 'Baromètre des ILI — printemps 2026')!;

    const caips = await app.signedIn('caips@demo.coupole.be');
    await caips.goto(`/decisions/${decision.seq}`);
    const evidence = caips.locator('.record__evidence');
    await evidence.filter({ hasText: `Fondée sur : Baromètre des ILI — printemps 2026 — ${spring.responded} ILI sur ${spring.invited} avaient répondu à la clôture du tour` }).waitFor();
    await expect(evidence.count()).resolves.toBe(1);
    await screenshot(caips, 'decision-with-evidence');
  });

  it('shows the demo barometer: each question across its two editions, as a chart and a table', async () => {
    const caips = await app.signedIn('caips@demo.coupole.be');
    await caips.goto('/consultations/series/barometre-ili');
    await caips.getByRole('heading', { name: 'Série « barometre-ili »', level: 1 }).waitFor();
    await caips.getByRole('heading', { name: /Votre financement permet-il/ }).waitFor();
    await expect(caips.getByRole('link', { name: 'Baromètre des ILI — automne 2026' }).count()).resolves.toBeGreaterThan(0);
    await screenshot(caips, 'consultation-series');
  });

  it('a federation cites its consultation in a round: the other federations see what its voice rests on', async () => {
    const secretariatApi = await apiAs(app.server, 'secretariat@demo.coupole.be');
    const aleapApi = await apiAs(app.server, 'aleap@demo.coupole.be');
    const fle = (await aleapApi.request<Array<{ id: string; title: string; invited: number; responded: number }>>('/consultations')).find((item) => item.title === 'Besoins en français langue étrangère 2026')!;
    const note = await secretariatApi.request<{ id: string }>('/documents', { method: 'POST', body: { title: 'Note sur l’offre FLE', kind: 'note_politique', markdown: '# Note\n\nLes ILI demandent des moyens FLE stables.\n' } });
    const version = await secretariatApi.request<{ number: number }>(`/documents/${note.id}/versions`, { method: 'POST', body: { label: 'Pour le tour' } });
    const round = await secretariatApi.request<{ id: string }>(`/documents/${note.id}/rounds`, {
      method: 'POST',
      body: { version: version.number, question: 'Adoptons-nous la note FLE ?', closesAt: new Date(Date.now() + 3600 * 1000).toISOString() },
    });

    const aleap = await app.signedIn('aleap@demo.coupole.be');
    await aleap.goto(`/documents/${note.id}/tours/${round.id}`);
    await aleap.getByRole('heading', { name: 'Adoptons-nous la note FLE ?', level: 1 }).waitFor();
    await aleap.getByRole('radio', { name: /^D’accord(?! avec)/ }).check();
    await aleap.getByLabel(/Besoins en français langue étrangère 2026/).check();
    await aleap.getByRole('button', { name: 'Enregistrer la position' }).click();
    await aleap.getByRole('status').filter({ hasText: 'Position enregistrée.' }).waitFor();

    const caips = await app.signedIn('caips@demo.coupole.be');
    await caips.goto(`/documents/${note.id}/tours/${round.id}`);
    const evidence = caips.locator('.position__evidence');
    await evidence.filter({ hasText: `Fondée sur : Besoins en français langue étrangère 2026 — ${fle.responded} ILI sur ${fle.invited} ont répondu` }).waitFor();
    await screenshot(caips, 'consultation-cited-in-round');
    // Citing shared it: CAIPS opens its results.
    await evidence.getByRole('link', { name: 'Besoins en français langue étrangère 2026' }).click();
    await caips.getByTestId('response-rate').waitFor();
  });
});
