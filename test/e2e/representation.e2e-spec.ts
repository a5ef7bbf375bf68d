import type { MeetingSummaryDto, ListResponse } from '@coupole/shared';
import { apiAs, horizontalOverflow, useBrowserApp } from '../support/app';
import { screenshot } from '../support/browser';

const TITLE = 'Observatoire de l’Intégration — séance de printemps';
// The day after the spring change of 2027: 10:00 in Brussels is 08:00 UTC.
const DAY = '2027-03-29';

const app = useBrowserApp();

describe('representation in the browser', () => {
  it('schedules a mandate meeting, writes the report back, and another federation sees it in its notifications and in the agenda at the Brussels time', async () => {
    const aleap = await app.signedIn('aleap@demo.coupole.be');
    await aleap.getByRole('link', { name: 'Agenda' }).click();
    await aleap.getByRole('link', { name: 'Planifier une réunion' }).click();
    await aleap.getByLabel('Intitulé', { exact: true }).fill(TITLE);
    await aleap.getByLabel('Type de réunion').selectOption({ label: 'Mandat (instance)' });
    await aleap.getByLabel('Instance', { exact: true }).selectOption({ label: 'Observatoire de l’Intégration' });
    await aleap.getByLabel('Date', { exact: true }).fill(DAY);
    await aleap.getByLabel('Début', { exact: true }).fill('10:00');
    await aleap.getByLabel('Fin', { exact: true }).fill('12:00');
    await aleap.getByLabel('Lieu', { exact: true }).fill('Namur');
    await aleap.getByLabel('Point 1', { exact: true }).fill('Bilan du Parcours d’intégration');
    await aleap.getByRole('button', { name: 'Planifier', exact: true }).click();

    await aleap.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await aleap.getByText('lundi 29 mars 2027, 10:00 – 12:00').waitFor();
    await aleap.getByLabel('Texte (Markdown)').fill('## Retour de mandat\n\nL’Observatoire publiera les **données par province** en juin.');
    await aleap.getByRole('button', { name: 'Publier le retour de mandat' }).click();
    await aleap.getByRole('status').filter({ hasText: 'Compte rendu enregistré.' }).waitFor();
    await aleap.getByText(/Retour de mandat publié le/).waitFor();
    await aleap.locator('.meeting-minutes__preview strong', { hasText: 'données par province' }).waitFor();
    await screenshot(aleap, 'representation-meeting-report');

    const codef = await app.signedIn('codef@demo.coupole.be');
    await codef.getByRole('button', { name: /^Notifications/ }).click();
    const notifications = codef.getByRole('region', { name: 'Notifications' });
    await notifications.getByText(`Retour de mandat : « ${TITLE} » — Observatoire de l’Intégration`).waitFor();
    await screenshot(codef, 'representation-notification', { fullPage: false });
    await codef.keyboard.press('Escape');

    await codef.goto('/agenda?mois=2027-03');
    const event = codef.locator('.month-grid__event', { hasText: TITLE });
    await event.waitFor();
    expect(await event.textContent()).toBe(`10:00 ${TITLE}`);
    // The cell holding it is the 29th.
    expect(await codef.locator('td', { has: event }).locator('.month-grid__number').textContent()).toBe('29');
    expect(await horizontalOverflow(codef)).toBeLessThanOrEqual(0);
    await screenshot(codef, 'representation-agenda-month');

    const api = await apiAs(app.server, 'codef@demo.coupole.be');
    const listed = await api.request<ListResponse<MeetingSummaryDto>>(`/meetings?from=${DAY}&to=${DAY}`);
    expect(listed.items.find((meeting) => meeting.title === TITLE)).toMatchObject({ start: `${DAY}T10:00`, startsAt: `${DAY}T08:00:00.000Z` });
  });

  it("records the answer to a letter with its PDF, which a representative then downloads from the document", async () => {
    const secretariat = await app.signedIn('secretariat@demo.coupole.be');
    // Sent 40 days ago with a 30-day delay: the text's row in the list says its answer is overdue.
    await secretariat.goto('/documents');
    const memorandumRow = secretariat.getByRole('row').filter({ hasText: 'Mémorandum 2026' });
    await memorandumRow.getByRole('link', { name: 'Réponse en retard' }).waitFor();
    await screenshot(secretariat, 'documents-answer-overdue', { fullPage: false });

    await secretariat.goto('/suivi');
    const letter = secretariat.locator('.dispatch-item', { hasText: 'Cabinet du Ministre' });
    await letter.getByRole('button', { name: 'Réponse reçue' }).click();
    await letter.getByLabel('Réponse', { exact: true }).fill('Le cabinet propose une rencontre en janvier.');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    await letter.getByLabel('La réponse en PDF (facultatif, 10 Mo au plus)').setInputFiles({ name: 'Réponse du cabinet.pdf', mimeType: 'application/pdf', buffer: pdf });
    await screenshot(secretariat, 'follow-up-answer-form');
    await letter.getByRole('button', { name: 'Réponse reçue' }).click();
    // Answered, it leaves the list of open dispatches; the document keeps it, with its PDF.
    await letter.waitFor({ state: 'detached' });

    const caips = await app.signedIn('caips@demo.coupole.be');
    await caips.getByRole('link', { name: 'Documents' }).first().click();
    // Answered: no flag any more.
    await caips.getByRole('row').filter({ hasText: 'Mémorandum 2026' }).first().waitFor();
    await caips.waitForLoadState('networkidle');
    expect(await caips.getByRole('row').filter({ hasText: 'Mémorandum 2026' }).getByText('Réponse en retard').count()).toBe(0);
    await caips.getByRole('link', { name: /Mémorandum 2026/ }).first().click();
    const answered = caips.locator('.dispatch-item', { hasText: 'Cabinet du Ministre' });
    await answered.getByText('Le cabinet propose une rencontre en janvier.').waitFor();
    const link = answered.getByRole('link', { name: /Réponse reçue \(PDF\) — Réponse du cabinet\.pdf/ });
    await link.waitFor();
    await answered.scrollIntoViewIfNeeded();
    await screenshot(caips, 'follow-up-answer-file', { fullPage: false });
    const download = await caips.request.get((await link.getAttribute('href'))!);
    expect(download.status()).toBe(200);
    expect(Buffer.from(await download.body()).equals(pdf)).toBe(true);
    expect(await caips.getByLabel('Remplacer le PDF').count()).toBe(0);

    // The secretariat's file check, on screen: not a PDF by its content, refused with a French message.
    app.expectConsoleErrors(/status of 400/);
    await secretariat.goto(caips.url().replace(/^https?:\/\/[^/]+/, ''));
    const mine = secretariat.locator('.dispatch-item', { hasText: 'Cabinet du Ministre' });
    await mine.getByLabel('Remplacer le PDF').setInputFiles({ name: 'faux.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html></html>') });
    await mine.getByRole('alert').waitFor();
    expect(await mine.getByRole('link', { name: /Réponse du cabinet\.pdf/ }).count()).toBe(1);
  });
});
