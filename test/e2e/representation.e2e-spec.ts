import { brusselsDate, type ListResponse, type MandateDto, type MeetingDto, type MeetingSummaryDto } from '@coupole/shared';
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
    // Dates are typed the French way whatever the browser's language.
    await aleap.getByLabel('Date', { exact: true }).fill('29/03/2027');
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

  it('lets the secretariat add, rename and delete a body, edit and end a mandate, and edit a meeting’s details, with French refusals beside the fields', async () => {
    const secretariat = await app.signedIn('secretariat@demo.coupole.be');
    app.expectConsoleErrors(/status of (400|409)/);
    await secretariat.getByRole('link', { name: 'Mandats' }).click();
    const bodies = secretariat.getByRole('region', { name: 'Instances' });

    // Bodies: add, rename, refuse deleting one that mandates name, delete the new one.
    await bodies.getByRole('button', { name: 'Ajouter une instance' }).click();
    let dialog = secretariat.getByRole('dialog', { name: 'Ajouter une instance' });
    await dialog.getByLabel('Nom', { exact: true }).fill('Conseil consultatif du handicap');
    await dialog.getByRole('button', { name: 'Enregistrer l’instance' }).click();
    await dialog.waitFor({ state: 'detached' });
    await bodies.getByRole('button', { name: 'Modifier l’instance Conseil consultatif du handicap' }).click();
    dialog = secretariat.getByRole('dialog', { name: 'Modifier l’instance' });
    await dialog.getByLabel('Nom', { exact: true }).fill('CESE Wallonie');
    await dialog.getByRole('button', { name: 'Enregistrer l’instance' }).click();
    await dialog.locator('.field__error', { hasText: 'Une instance porte déjà ce nom.' }).waitFor();
    await dialog.getByLabel('Nom', { exact: true }).fill('Conseil wallon des personnes handicapées');
    await dialog.getByLabel('Description').fill('Avis sur l’inclusion des personnes étrangères handicapées.');
    await screenshot(secretariat, 'representation-body-edit', { fullPage: false });
    await dialog.getByRole('button', { name: 'Enregistrer l’instance' }).click();
    await dialog.waitFor({ state: 'detached' });
    await bodies.getByRole('row').filter({ hasText: 'Conseil wallon des personnes handicapées' }).getByText('Avis sur l’inclusion').waitFor();
    expect(await bodies.getByText('Conseil consultatif du handicap').count()).toBe(0);

    await bodies.getByRole('button', { name: 'Supprimer l’instance Observatoire de l’Intégration' }).click();
    dialog = secretariat.getByRole('dialog', { name: 'Supprimer l’instance' });
    await dialog.getByRole('button', { name: 'Supprimer', exact: true }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Cette instance ne peut pas être supprimée : des mandats ou des réunions la mentionnent.' }).waitFor();
    await screenshot(secretariat, 'representation-body-in-use', { fullPage: false });
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await bodies.getByRole('button', { name: 'Supprimer l’instance Conseil wallon des personnes handicapées' }).click();
    await secretariat.getByRole('dialog', { name: 'Supprimer l’instance' }).getByRole('button', { name: 'Supprimer', exact: true }).click();
    await bodies.getByRole('row').filter({ hasText: 'Conseil wallon des personnes handicapées' }).waitFor({ state: 'detached' });

    // A mandate: an end before the start is refused beside the field, then the seat and end change.
    const current = secretariat.getByRole('region', { name: 'Mandats en cours' });
    await current.getByRole('button', { name: 'Modifier le mandat : CESE Wallonie, Catherine Dubois' }).click();
    const form = secretariat.getByRole('form', { name: 'Modifier le mandat' });
    await form.getByLabel('Siège').selectOption({ label: 'Suppléant·e' });
    await form.getByLabel('Fin (facultative)').fill('31/01/2000');
    await form.getByRole('button', { name: 'Enregistrer le mandat' }).click();
    const endError = form.locator('.field', { has: secretariat.getByLabel('Fin (facultative)') }).locator('.field__error');
    await endError.filter({ hasText: 'Date de fin : ne peut pas précéder la date de début.' }).waitFor();
    expect(await form.getByLabel('Fin (facultative)').getAttribute('aria-invalid')).toBe('true');
    await screenshot(secretariat, 'representation-mandate-edit');
    await form.getByLabel('Fin (facultative)').fill('30/06/2030');
    await form.getByRole('button', { name: 'Enregistrer le mandat' }).click();
    await form.waitFor({ state: 'detached' });
    const cese = current.getByRole('row').filter({ hasText: 'CESE Wallonie' });
    await cese.getByText('Suppléant·e').waitFor();
    await cese.getByText(/au 30 juin 2030/).waitFor();

    // Ending a mandate makes today its last day.
    await current.getByRole('button', { name: 'Mettre fin au mandat : Coordination MENA, Marc Vandenberghe' }).click();
    await secretariat.getByRole('dialog', { name: 'Mettre fin au mandat' }).getByRole('button', { name: 'Mettre fin aujourd’hui' }).click();
    await current.getByRole('button', { name: 'Mettre fin au mandat : Coordination MENA, Marc Vandenberghe' }).waitFor({ state: 'detached' });
    const api = await apiAs(app.server, 'secretariat@demo.coupole.be');
    const mandates = await api.request<ListResponse<MandateDto>>('/mandates');
    expect(mandates.items.find((mandate) => mandate.body.name === 'Coordination MENA')).toMatchObject({ endDate: brusselsDate(), seat: 'titular' });
    expect(mandates.items.find((mandate) => mandate.body.name === 'CESE Wallonie')).toMatchObject({ endDate: '2030-06-30', seat: 'substitute' });

    // A meeting's details, from its page, with the scheduling form's rules.
    const meeting = await api.request<MeetingDto>('/meetings', {
      method: 'POST',
      body: { title: 'Coupole — réunion d’avril', kind: 'coupole', start: '2027-04-12T14:00', end: '2027-04-12T16:00', place: 'Namur' },
    });
    await secretariat.goto(`/agenda/${meeting.id}`);
    await secretariat.getByRole('link', { name: 'Modifier la réunion' }).click();
    await secretariat.getByRole('heading', { level: 1, name: 'Modifier « Coupole — réunion d’avril »' }).waitFor();
    expect(await secretariat.getByLabel('Date', { exact: true }).inputValue()).toBe('12/04/2027');
    expect(await secretariat.getByLabel('Lieu', { exact: true }).inputValue()).toBe('Namur');
    await secretariat.getByLabel('Intitulé', { exact: true }).fill('Rencontre avec le cabinet — avril');
    await secretariat.getByLabel('Type de réunion').selectOption({ label: 'Cabinet du Ministre' });
    await secretariat.getByLabel('Instance', { exact: true }).selectOption({ label: 'Cabinet du Ministre de l’Action sociale' });
    await secretariat.getByLabel('Début', { exact: true }).fill('15:00');
    await secretariat.getByLabel('Fin', { exact: true }).fill('13:00');
    await secretariat.getByLabel('Catherine Dubois (CODEF)').check();
    await secretariat.getByRole('button', { name: 'Ajouter un point' }).click();
    await secretariat.getByLabel('Point 1', { exact: true }).fill('Suivi du mémorandum');
    await secretariat.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await secretariat.locator('.field__error').filter({ hasText: 'Fin : doit être après le début.' }).waitFor();
    await screenshot(secretariat, 'representation-meeting-edit');
    await secretariat.getByLabel('Fin', { exact: true }).fill('17:30');
    await secretariat.getByRole('button', { name: 'Enregistrer les modifications' }).click();

    await secretariat.getByRole('heading', { level: 1, name: 'Rencontre avec le cabinet — avril' }).waitFor();
    await secretariat.getByText('lundi 12 avril 2027, 15:00 – 17:30').waitFor();
    await secretariat.getByText('Cabinet du Ministre de l’Action sociale').waitFor();
    await secretariat.getByRole('region', { name: 'Ordre du jour' }).getByText('Suivi du mémorandum').waitFor();
    await secretariat.getByRole('region', { name: 'Participant·e·s' }).getByText('Catherine Dubois (CODEF)').waitFor();
    await screenshot(secretariat, 'representation-meeting-edited');
    // The new attendee finds it in her agenda at the new Brussels time.
    const codef = await apiAs(app.server, 'codef@demo.coupole.be');
    const listed = await codef.request<ListResponse<MeetingSummaryDto>>('/meetings?from=2027-04-12&to=2027-04-12');
    expect(listed.items.find((item) => item.id === meeting.id)).toMatchObject({ title: 'Rencontre avec le cabinet — avril', kind: 'minister', start: '2027-04-12T15:00', startsAt: '2027-04-12T13:00:00.000Z' });
  });
});
