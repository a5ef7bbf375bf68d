import type { CreateUserResponse, ListResponse, OutboxMailDto, VersionDto } from '@coupole/shared';
import { apiAs, createDocument, logIn, useBrowserApp } from '../support/app';
import { screenshot, screenshotPath } from '../support/browser';

const ADMIN = 'admin@demo.coupole.be';
const SECRETARIAT = 'secretariat@demo.coupole.be';
const OBSERVER = 'observateur@demo.coupole.be';

const app = useBrowserApp();

describe('administration', () => {
  it('resets a password from the accounts page: the person is signed out and must choose a new one at the next sign-in', async () => {
    const admin = await apiAs(app.server, ADMIN);
    const email = `reinit-${Date.now()}@example.be`;
    const created = await admin.request<CreateUserResponse>('/users', { method: 'POST', body: { email, displayName: 'Inès Réinit', role: 'observer' } });
    const first = await apiAs(app.server, email, created.temporaryPassword);
    await first.request('/auth/password', { method: 'POST', body: { currentPassword: created.temporaryPassword, newPassword: 'mon ancien mot de passe' } }).catch(() => undefined);
    const user = await apiAs(app.server, email, 'mon ancien mot de passe');

    const page = await app.signedIn(ADMIN);
    await page.goto('/administration');
    const row = page.getByRole('row', { name: /Inès Réinit/ });
    await row.waitFor();
    // Signed in just above: the accounts page says when.
    await expect(row.innerText()).resolves.not.toContain('Jamais');
    await row.getByRole('button', { name: 'Réinitialiser le mot de passe de Inès Réinit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Réinitialiser le mot de passe ?' });
    await expect(dialog.innerText()).resolves.toContain('déconnecté·e de toutes ses sessions');
    await dialog.getByRole('button', { name: 'Réinitialiser et déconnecter' }).click();

    const notice = page.getByRole('region', { name: /Nouveau mot de passe provisoire pour Inès Réinit/ });
    await notice.waitFor();
    const temporaryPassword = (await notice.getByLabel('Mot de passe provisoire').innerText()).trim();
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(10);
    await expect(row.innerText()).resolves.toContain('Mot de passe provisoire');
    await screenshot(page, 'administration-password-reset');

    // The session opened before the reset is over.
    await expect(user.request('/auth/me')).rejects.toThrow(/401/);

    const person = await app.open();
    await logIn(person, email, 'mon ancien mot de passe');
    await person.getByText('Identifiants invalides').waitFor();
    await logIn(person, email, temporaryPassword);
    await person.waitForURL('**/mot-de-passe');
    await person.getByRole('heading', { level: 1, name: 'Changer le mot de passe' }).waitFor();
    await person.getByText('Votre mot de passe est provisoire').waitFor();
    await person.getByLabel('Mot de passe actuel').fill(temporaryPassword);
    await person.getByLabel('Nouveau mot de passe', { exact: true }).fill('mon nouveau mot de passe');
    await person.getByLabel('Confirmer le nouveau mot de passe').fill('mon nouveau mot de passe');
    await person.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }).click();
    await person.waitForURL('**/accueil');
  });

  it('lists the outbox on screen, newest first, with the text of each mail', async () => {
    const secretariat = await apiAs(app.server, SECRETARIAT);
    const admin = await apiAs(app.server, ADMIN);
    const title = `Courriel visible ${Date.now()}`;
    const document = await createDocument(secretariat, { title });
    const version = await secretariat.request<VersionDto>(`/documents/${document.id}/versions`, { method: 'POST', body: {} });
    await secretariat.request(`/documents/${document.id}/rounds`, {
      method: 'POST',
      body: { version: version.number, question: 'D’accord ?', closesAt: new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString() },
    });
    const subject = `Tour de consensus n° 1 ouvert : « ${title} »`;
    // Mails are kept just after the round's commit.
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const outbox = await admin.request<ListResponse<OutboxMailDto>>('/admin/outbox?limit=5');
      if (outbox.items.some((mail) => mail.subject === subject)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    const page = await app.signedIn(ADMIN);
    await page.goto('/administration');
    await page.getByRole('navigation', { name: 'Pages d’administration' }).getByRole('link', { name: 'Courriels en attente' }).click();
    await page.waitForURL('**/administration/courriels');
    await page.getByRole('heading', { level: 1, name: 'Courriels en attente' }).waitFor();
    const mails = page.getByRole('list', { name: 'Courriels, du plus récent au plus ancien' }).getByRole('article');
    await mails.first().waitFor();
    await expect(mails.first().getByRole('heading').innerText()).resolves.toBe(subject);
    const mail = mails.first();
    await mail.getByText('Lire le courriel').click();
    await expect(mail.innerText()).resolves.toContain('Échéance');
    await screenshot(page, 'administration-outbox');
  });
});

describe('observers', () => {
  it('the demo observer sees the two documents the demo invites them to', async () => {
    const page = await app.signedIn(OBSERVER);
    await page.goto('/documents');
    await page.getByRole('link', { name: 'Mémorandum 2026 de la Coupole' }).waitFor();
    await page.getByRole('link', { name: 'Note propositionnelle — réforme 2025 du Parcours d’intégration' }).waitFor();
    await page.goto('/decisions');
    // The register's badge counts what the observer may read, as the list does.
    const badge = page.getByRole('status').filter({ hasText: 'Registre intègre' });
    await badge.waitFor();
    const count = page.locator('.decisions__count');
    await count.waitFor();
    const listed = /^(\d+) décisions?/.exec(await count.innerText())![1];
    expect(await badge.innerText()).toMatch(new RegExp(`Registre intègre — ${listed} décisions?`));
    await screenshot(page, 'decisions-observer');
  });

  it('the secretariat invites an observer from the document page, who then reads it; removing them takes it away; a draft is withdrawn', async () => {
    // The observer's page of the document answers 404 once their access is removed.
    app.expectConsoleErrors(/status of 404/);
    const secretariat = await apiAs(app.server, SECRETARIAT);
    const title = `Note partagée ${Date.now()}`;
    const document = await createDocument(secretariat, { title });

    const page = await app.signedIn(SECRETARIAT);
    await page.goto(`/documents/${document.id}`);
    const section = page.getByRole('region', { name: 'Observateur·rice·s invité·e·s' });
    await section.getByText('Aucun·e observateur·rice invité·e.').waitFor();
    await section.getByLabel('Inviter un·e observateur·rice').selectOption({ label: 'Thomas Leclercq' });
    await section.getByRole('button', { name: 'Inviter' }).click();
    await section.getByRole('button', { name: 'Retirer l’accès de Thomas Leclercq' }).waitFor();
    await section.screenshot({ path: screenshotPath('document-observers') });

    const observer = await app.signedIn(OBSERVER);
    await observer.goto('/documents');
    await observer.getByRole('link', { name: title }).click();
    await observer.getByRole('heading', { level: 1, name: title }).waitFor();

    await section.getByRole('button', { name: 'Retirer l’accès de Thomas Leclercq' }).click();
    await section.getByText('Aucun·e observateur·rice invité·e.').waitFor();
    const observerApi = await apiAs(app.server, OBSERVER);
    await expect(observerApi.request(`/documents/${document.id}`)).rejects.toThrow(/404/);

    await page.getByRole('button', { name: 'Retirer', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Retirer ce document ?' });
    await dialog.getByRole('button', { name: 'Retirer le document' }).click();
    await page.locator('.document-header .status-badge').filter({ hasText: 'Retiré' }).waitFor();
  });
});
