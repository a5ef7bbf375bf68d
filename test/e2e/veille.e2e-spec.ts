import type { InfoDto } from '@coupole/shared';
import { apiAs, useBrowserApp } from '../support/app';
import { screenshot } from '../support/browser';

const app = useBrowserApp();

describe('the watch (Veille)', () => {
  it('shows a new info live to another federation, filters it by topic, keeps markup inert and turns it into a note', async () => {
    const caips = await app.signedIn('caips@demo.coupole.be');
    await caips.getByRole('link', { name: 'Veille' }).first().click();
    await caips.getByRole('heading', { name: 'Veille', level: 1 }).waitFor();

    const aleap = await app.signedIn('aleap@demo.coupole.be');
    await aleap.goto('/veille');
    await aleap.getByRole('button', { name: 'Partager une info' }).click();
    await aleap.getByLabel('Titre').fill('Appel à projets FLE 2027');
    await aleap.getByLabel('Texte').fill('Dépôt avant le **15 janvier**.\n\n<img src=x onerror="window.pwned=1">');
    await aleap.getByLabel('Pédagogique').check();
    await aleap.getByLabel('À discuter en réunion').check();
    await aleap.getByRole('button', { name: 'Enregistrer' }).click();
    await aleap.getByRole('heading', { name: 'Appel à projets FLE 2027', level: 1 }).waitFor();

    // CAIPS, already on the list, sees it arrive without reloading.
    await caips.getByRole('link', { name: 'Appel à projets FLE 2027' }).waitFor();
    await caips.getByRole('button', { name: 'Juridique' }).click();
    await caips.waitForURL(/theme=juridique/);
    await caips.getByRole('link', { name: 'Appel à projets FLE 2027' }).waitFor({ state: 'detached' });
    await caips.getByRole('button', { name: 'Pédagogique' }).click();
    await caips.getByRole('link', { name: 'Appel à projets FLE 2027' }).click();

    await caips.getByText('15 janvier').waitFor();
    await expect(caips.locator('.info-page__body strong').innerText()).resolves.toBe('15 janvier');
    await expect(caips.locator('.info-page__body img').count()).resolves.toBe(0);
    await expect(caips.evaluate(() => (window as unknown as { pwned?: number }).pwned)).resolves.toBeUndefined();
    await caips.getByLabel('Nouveau commentaire').fill('On en parle jeudi ? <b>oui</b>');
    await caips.getByRole('button', { name: 'Publier' }).last().click();
    await caips.locator('.info-comment__body', { hasText: 'On en parle jeudi ? <b>oui</b>' }).waitFor();
    await expect(caips.locator('.info-comment__body b').count()).resolves.toBe(0);
    await screenshot(caips, 'veille-detail');

    await caips.getByRole('button', { name: 'En faire une note' }).click();
    await caips.waitForURL(/\/documents\/[0-9a-f-]+$/);
    const secretariat = await apiAs(app.server, 'secretariat@demo.coupole.be');
    const infos = await secretariat.request<{ items: InfoDto[] }>('/infos?toDiscuss=true');
    expect(infos.items.map((info) => info.title)).toContain('Appel à projets FLE 2027');
  });
});
