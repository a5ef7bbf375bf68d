import type { InfoDto, RoundDto } from '@coupole/shared';
import { apiAs, createDocument, useBrowserApp } from '../support/app';
import { LAPTOP_VIEWPORT, PHONE_VIEWPORT, screenshot } from '../support/browser';

const app = useBrowserApp();
const FEDERATIONS = ['aleap', 'caips', 'codef', 'fdss', 'risome'];
const TITLE = 'Mémorandum 2027 : l’accueil <b>des primo-arrivants</b>';

describe('the public site', () => {
  it('the secretariat publishes an adopted text and an author an info; an anonymous browser reads them, markup inert', async () => {
    const secretariatApi = await apiAs(app.server, 'secretariat@demo.coupole.be');
    const adopted = await createDocument(secretariatApi, {
      title: TITLE,
      kind: 'memorandum',
      markdown: '# Nos demandes\n\nDes moyens **stables** pour les ILI.\n\n<img src=x onerror="window.pwned=1">\n',
    });
    await secretariatApi.request(`/documents/${adopted.id}/versions`, { method: 'POST', body: {} });
    const round = await secretariatApi.request<RoundDto>(`/documents/${adopted.id}/rounds`, {
      method: 'POST',
      body: { version: 1, question: 'Adoptons-nous le mémorandum ?', closesAt: new Date(Date.now() + 48 * 3600_000).toISOString(), rule: 'consensus', autoClose: true },
    });
    for (const slug of FEDERATIONS) {
      const representative = await apiAs(app.server, `${slug}@demo.coupole.be`);
      const body = slug === 'caips' ? { stance: 'reservations', reason: 'Le calendrier <i>doit</i> être précisé.' } : { stance: 'agree' };
      await representative.request(`/rounds/${round.id}/position`, { method: 'PUT', body });
    }
    const aleapApi = await apiAs(app.server, 'aleap@demo.coupole.be');
    const info = await aleapApi.request<InfoDto>('/infos', {
      method: 'POST',
      body: { title: 'Appel à projets <script>alert(1)</script> 2027', body: 'Dépôt avant le **15 janvier**.', topics: ['financiere'] },
    });

    // The secretariat publishes from the document page.
    const secretariat = await app.signedIn('secretariat@demo.coupole.be');
    await secretariat.goto(`/documents/${adopted.id}`);
    await secretariat.getByRole('heading', { name: 'Site public' }).waitFor();
    await secretariat.getByRole('button', { name: 'Publier', exact: true }).click();
    await secretariat.getByText(/^Publié sur le site public le /).waitFor();
    await secretariat.getByRole('button', { name: 'Retirer la publication' }).waitFor();
    await secretariat.getByRole('heading', { name: 'Site public' }).scrollIntoViewIfNeeded();
    await screenshot(secretariat, 'public-publish-panel', { fullPage: false });
    const publicLink = await secretariat.getByRole('link', { name: 'Voir la page publique' }).getAttribute('href');
    expect(publicLink).toMatch(/^\/public\/memorandum-2027-l-accueil-b-des-primo-arrivants-b-[0-9a-f]{8}$/);

    // ALEAP, the info's author, makes it public.
    const aleap = await app.signedIn('aleap@demo.coupole.be');
    aleap.on('dialog', (dialog) => void dialog.accept());
    await aleap.goto(`/veille/${info.id}`);
    await aleap.getByRole('button', { name: 'Rendre public' }).click();
    await aleap.getByRole('button', { name: 'Réserver aux membres' }).waitFor();

    // Anyone, without an account.
    const anonymous = await app.open(LAPTOP_VIEWPORT);
    await anonymous.goto('/public');
    await anonymous.getByRole('heading', { name: 'Positions publiques de La Coupole', level: 1 }).waitFor();
    await anonymous.getByRole('heading', { name: 'Appel à projets <script>alert(1)</script> 2027', level: 3 }).waitFor();
    await expect(anonymous.locator('.public-card__body strong').innerText()).resolves.toBe('15 janvier');
    await expect(anonymous.getByRole('link', { name: 'Flux Atom' }).getAttribute('href')).resolves.toBe('/api/public/feed.atom');
    await expect(anonymous.getByRole('link', { name: 'Espace membres' }).count()).resolves.toBe(1);
    await screenshot(anonymous, 'public-home-1280');

    await anonymous.getByRole('link', { name: TITLE }).click();
    await anonymous.waitForURL(`**${publicLink}`);
    await anonymous.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await anonymous.getByText('Des moyens stables pour les ILI.').waitFor();
    await expect(anonymous.locator('.public-page__text img').count()).resolves.toBe(0);
    await expect(anonymous.evaluate(() => (window as unknown as { pwned?: number }).pwned)).resolves.toBeUndefined();
    const caipsRow = anonymous.getByRole('row', { name: /CAIPS/ });
    await expect(caipsRow.innerText()).resolves.toContain('Le calendrier <i>doit</i> être précisé.');
    // No person is named anywhere on the page.
    const text = await anonymous.locator('body').innerText();
    for (const name of ['Julien Dethier', 'Nadia Benali', 'Marc Vandenberghe', '@demo.coupole.be']) expect(text).not.toContain(name);
    await expect(anonymous.getByRole('link', { name: 'Télécharger en PDF' }).getAttribute('href')).resolves.toMatch(/\/api\/public\/positions\/.+\/pdf$/);
    await screenshot(anonymous, 'public-position-1280');

    const phone = await app.open(PHONE_VIEWPORT);
    await phone.goto(publicLink!);
    await phone.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(phone, 'public-position-390');
    await phone.goto('/public');
    await phone.getByRole('heading', { name: 'Positions publiques de La Coupole', level: 1 }).waitFor();
    await screenshot(phone, 'public-home-390');

    // The server writes the link preview into the page itself, markup escaped.
    const html = await (await fetch(`${app.server.baseUrl}${publicLink}`)).text();
    expect(html).toContain('<meta property="og:title" content="Mémorandum 2027 : l’accueil &lt;b&gt;des primo-arrivants&lt;/b&gt;">');
    expect(html).toMatch(/<meta property="og:description" content="Mémorandum — position adoptée au consensus par La Coupole le \d{1,2}(er)? \S+ \d{4}\.">/);
    expect(html).toContain('<link rel="alternate" type="application/atom+xml"');

    // Withdrawn: the page says so and when.
    secretariat.on('dialog', (dialog) => void dialog.accept());
    await secretariat.getByRole('button', { name: 'Retirer la publication' }).click();
    await secretariat.getByText(/^Retiré du site public le /).waitFor();
    await anonymous.reload();
    await anonymous.getByText(/^Ce texte a été retiré du site public le \d{1,2}(er)? \S+ \d{4}\.$/).waitFor();
    await expect(anonymous.getByText('Des moyens stables pour les ILI.').count()).resolves.toBe(0);
    await screenshot(anonymous, 'public-withdrawn-1280');
  });
});
