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
});
