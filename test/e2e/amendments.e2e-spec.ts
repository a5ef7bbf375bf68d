import type { ListResponse, RoundDetailDto, SuggestionDto } from '@coupole/shared';
import type { Locator, Page } from 'playwright-core';
import { apiAs, createDocument, editorBody, selectWord, openDocument, useBrowserApp, type ApiClient } from '../support/app';
import { screenshot, screenshotPath } from '../support/browser';

const app = useBrowserApp();
let secretariat: ApiClient;

const NOTE = '# Moyens des ILI\n\nLes ILI demandent des moyens stables pour leurs cours.\n\nLe décret de 2018 organise le parcours.\n';

beforeAll(async () => {
  secretariat = await apiAs(app.server, 'secretariat@demo.coupole.be');
});

describe('amendments in rounds', () => {
  it('an objection written in the editor becomes tracked changes the secretariat accepts; the next version carries it and the objection reads Intégrée', async () => {
    const note = await createDocument(secretariat, { title: 'Note sur les moyens', kind: 'note_technique', markdown: NOTE });
    await secretariat.request(`/documents/${note.id}/versions`, { method: 'POST', body: {} });
    const round = await secretariat.request<RoundDetailDto>(`/documents/${note.id}/rounds`, {
      method: 'POST',
      body: { version: 1, question: 'Adoptons-nous la note ?', closesAt: new Date(Date.now() + 86_400_000).toISOString() },
    });

    // FdSS objects to § 2 and rewrites it in the editor, pre-filled with the frozen text.
    const fdss = await app.signedIn('fdss@demo.coupole.be');
    await fdss.goto(`/documents/${note.id}/tours/${round.id}`);
    await fdss.getByRole('radio', { name: /^Objection/ }).check();
    await fdss.getByLabel('Motif').fill('« Stables » ne dit pas combien de temps.');
    await fdss.getByRole('checkbox', { name: /§ 2/ }).check();
    const amendment = fdss.getByRole('textbox', { name: 'Amendement proposé (texte de remplacement)' });
    await amendment.getByText('Les ILI demandent des moyens stables pour leurs cours.').waitFor();
    await fdss.getByText('Aucun changement pour l’instant : le texte est celui de la version figée.').waitFor();
    await selectWord(fdss, 'stables', { root: amendment, focus: true });
    await fdss.keyboard.type('garantis sur cinq ans');
    // The word diff before sending: the frozen word struck, the new words marked.
    const preview = fdss.locator('.amendment-editor__preview');
    await preview.locator('ins').filter({ hasText: 'garantis' }).waitFor();
    expect((await preview.locator('ins').allInnerTexts()).join(' ')).toContain('cinq ans');
    expect((await preview.locator('del').allInnerTexts()).map((text) => text.trim())).toEqual([expect.stringContaining('stables')]);
    await fdss.locator('.position-form').screenshot({ path: screenshotPath('amendments-1-objection-editor') });
    await fdss.getByRole('button', { name: 'Enregistrer la position' }).click();
    await fdss.getByRole('status').filter({ hasText: 'Position enregistrée.' }).waitFor();

    // The textual amendment stays in the API; the change is also a suggestion tied to the objection.
    const cast = await secretariat.request<RoundDetailDto>(`/rounds/${round.id}`);
    expect(cast.objections).toHaveLength(1);
    expect(cast.objections[0].amendment).toBe('Les ILI demandent des moyens garantis sur cinq ans pour leurs cours.');
    const suggestions = (await secretariat.request<ListResponse<SuggestionDto>>(`/documents/${note.id}/suggestions?status=open`)).items;
    expect(suggestions.map(({ quote, replacement, objectionId, federation }) => ({ quote, replacement, objectionId, federation }))).toEqual([
      { quote: 'stables', replacement: 'garantis sur cinq ans', objectionId: cast.objections[0].id, federation: 'fdss' },
    ]);

    await secretariat.request(`/rounds/${round.id}/close`, { method: 'POST', body: {} });

    // The secretariat sees the amendment in the draft as a tracked change and accepts it.
    const sec = await app.signedIn('secretariat@demo.coupole.be');
    await openDocument(sec, note.id, 'Les ILI demandent');
    await editorBody(sec).locator('.suggestion-insert').filter({ hasText: 'garantis sur cinq ans' }).waitFor();
    await sec.getByRole('tab', { name: 'Suggestions' }).click();
    const card = sec.getByRole('article', { name: /Suggestion de Olivier Renard/ });
    await card.getByText('Amendement de l’objection de FdSS').waitFor();
    await screenshot(sec, 'amendments-2-tracked-in-draft', { fullPage: false });
    await card.getByRole('button', { name: 'Accepter' }).click();
    await card.getByText('Acceptée', { exact: false }).waitFor({ state: 'detached' }).catch(() => undefined);
    await editorBody(sec).getByText('Les ILI demandent des moyens garantis sur cinq ans pour leurs cours.').waitFor();
    // Accepted is not yet integrated: that takes a frozen version.
    expect((await secretariat.request<RoundDetailDto>(`/rounds/${round.id}`)).objections[0].state).toBe('open');

    await sec.getByRole('tab', { name: 'Versions' }).click();
    await sec.getByRole('button', { name: 'Figer une version' }).click();
    const dialog = sec.getByRole('dialog');
    if (await dialog.count()) await dialog.getByRole('button', { name: /Figer/ }).click();
    for (let waited = 0; (await secretariat.request<RoundDetailDto>(`/rounds/${round.id}`)).objections[0].state !== 'integrated'; waited += 200) {
      if (waited > 10_000) throw new Error('the objection was not integrated by the new version');
      await sec.waitForTimeout(200);
    }

    await sec.goto(`/documents/${note.id}/tours/${round.id}`);
    const objection = sec.getByRole('region', { name: 'Objections' }).locator('.objection').filter({ hasText: 'FdSS' });
    await objection.getByText('Intégrée', { exact: true }).waitFor();
    await objection.screenshot({ path: screenshotPath('amendments-3-integrated') });

    // The round's text in Word, its amendments as tracked changes, one click from the round page.
    const link = sec.getByRole('link', { name: 'Télécharger le texte du tour (Word)' });
    expect(await link.getAttribute('href')).toBe(`/api/rounds/${round.id}/export?format=docx`);
    await link.scrollIntoViewIfNeeded();
    await sec.locator('.round-layout__text').screenshot({ path: screenshotPath('amendments-4-round-docx-link') });
    const download = await sec.request.get(`/api/rounds/${round.id}/export?format=docx`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('wordprocessingml');
  });
});
