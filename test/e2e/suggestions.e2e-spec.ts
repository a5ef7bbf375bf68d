import type { ListResponse, SuggestionDto } from '@coupole/shared';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { apiAs, createDocument, storedSuggestions, editorBody, selectWord, openDocument, useBrowserApp, type ApiClient } from '../support/app';
import { screenshot, screenshotPath } from '../support/browser';

const app = useBrowserApp();
let secretariat: ApiClient;

beforeAll(async () => {
  secretariat = await apiAs(app.server, 'secretariat@demo.coupole.be');
});

/** The body's own text, without the suggestion widgets and the other people's carets. */
function bodyText(page: Page): Promise<string> {
  return editorBody(page).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.suggestion-insert, .collaboration-carets__caret').forEach((node) => node.remove());
    return copy.textContent ?? '';
  });
}

/** Waits until the body's own text (carets aside: they split the words) contains `text`. */
async function waitForBodyText(page: Page, text: string): Promise<void> {
  await editorBody(page).evaluate(
    (root, expected) =>
      new Promise<void>((done, fail) => {
        const deadline = Date.now() + 5_000;
        const check = () => {
          const copy = root.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('.suggestion-insert, .collaboration-carets__caret').forEach((node) => node.remove());
          if ((copy.textContent ?? '').includes(expected)) return done();
          if (Date.now() > deadline) return fail(new Error(`"${expected}" never appeared in: ${copy.textContent}`));
          setTimeout(check, 50);
        };
        check();
      }),
    text,
  );
}

const card = (page: Page, who: RegExp) => page.getByRole('article', { name: who });

describe('suggestions in the editor', () => {
  it('FdSS suggests a replacement in the text, CAIPS sees it live, the secretariat accepts it and the text changes', async () => {
    const note = await createDocument(secretariat, { title: 'Note à amender' });
    const fdss = await app.signedIn('fdss@demo.coupole.be');
    const caips = await app.signedIn('caips@demo.coupole.be');
    await openDocument(fdss, note.id);
    await openDocument(caips, note.id);

    await fdss.getByRole('button', { name: 'Suggérer' }).click();
    await fdss.getByRole('button', { name: 'Suggérer', pressed: true }).waitFor();
    await selectWord(fdss, '2018');
    await fdss.keyboard.type('2025');
    // Nothing was applied to the text: the draft is shown as a tracked change until it is sent.
    await card(fdss, /Suggestion de Olivier Renard \(FdSS\)/).waitFor({ timeout: 5_000 });
    await expect(editorBody(fdss).locator('.suggestion-delete').allInnerTexts()).resolves.toEqual(['2018']);
    await expect(editorBody(fdss).locator('.suggestion-insert').allInnerTexts()).resolves.toEqual(['2025']);

    const [stored] = await storedSuggestions(secretariat, note.id);
    expect(stored).toMatchObject({ kind: 'replace', quote: '2018', replacement: '2025', status: 'open', federation: 'fdss' });

    // CAIPS sees it live, in the text and as a card, and may act on it.
    await editorBody(caips).locator('.suggestion-insert').filter({ hasText: '2025' }).waitFor({ timeout: 5_000 });
    await expect(editorBody(caips).locator('.suggestion-delete').allInnerTexts()).resolves.toEqual(['2018']);
    await caips.getByRole('tab', { name: /Suggestions/ }).click();
    const seenByCaips = card(caips, /Olivier Renard \(FdSS\)/);
    await seenByCaips.getByRole('button', { name: 'Accepter' }).waitFor();
    await expect(bodyText(caips)).resolves.toContain('Le décret de 2018 encadre');
    await expect(bodyText(fdss)).resolves.toContain('Le décret de 2018 encadre');
    await screenshot(fdss, 'suggestions-fdss-suggested');
    await screenshot(caips, 'suggestions-caips-sees-live');

    // The secretariat accepts: the text changes for everyone, the card says who accepted.
    const secretariatPage = await app.signedIn('secretariat@demo.coupole.be');
    await openDocument(secretariatPage, note.id);
    await secretariatPage.getByRole('tab', { name: /Suggestions/ }).click();
    await card(secretariatPage, /Olivier Renard \(FdSS\)/).getByRole('button', { name: 'Accepter' }).click();
    await waitForBodyText(caips, 'Le décret de 2025 encadre');
    await waitForBodyText(fdss, 'Le décret de 2025 encadre');
    // The text comes through the co-editing channel, the suggestion's new status through /live:
    // its marks go when the latter arrives, a moment after the text may have.
    await editorBody(caips).locator('.suggestion-delete, .suggestion-insert').first().waitFor({ state: 'detached', timeout: 5_000 });
    await caips.getByText('Aucune suggestion ouverte.').waitFor({ timeout: 5_000 });
    const [accepted] = await storedSuggestions(secretariat, note.id);
    expect(accepted).toMatchObject({ status: 'accepted', decidedBy: { displayName: 'Julien Dethier' } });
    await screenshot(secretariatPage, 'suggestions-secretariat-accepted');
  });

  it('turns a deletion into a suggestion, lets its author withdraw it, and lists an orphaned one with its quote', async () => {
    const note = await createDocument(secretariat, { title: 'Note à raccourcir' });
    const aleap = await app.signedIn('aleap@demo.coupole.be');
    await openDocument(aleap, note.id);
    await aleap.getByRole('button', { name: 'Suggérer' }).click();
    await aleap.getByRole('button', { name: 'Suggérer', pressed: true }).waitFor();
    await selectWord(aleap, ' stables');
    await aleap.keyboard.press('Backspace');
    await card(aleap, /Nadia Benali \(ALEAP\)/).waitFor({ timeout: 5_000 });
    const [deletion] = await storedSuggestions(secretariat, note.id);
    expect(deletion).toMatchObject({ kind: 'delete', quote: ' stables', replacement: '' });
    await expect(bodyText(aleap)).resolves.toContain('des moyens stables.');

    // Another suggestion, whose words the secretariat then deletes by editing: it becomes orphaned.
    await secretariat.request(`/documents/${note.id}/suggestions`, { method: 'POST', body: { quote: 'encadre', replacement: 'organise' } });
    await card(aleap, /Julien Dethier \(Secrétariat\)/).waitFor({ timeout: 5_000 });
    const editor = await app.signedIn('secretariat@demo.coupole.be');
    await openDocument(editor, note.id);
    await selectWord(editor, 'encadre');
    await editor.keyboard.press('Backspace');
    await aleap.getByText('1 suggestion orpheline').waitFor({ timeout: 10_000 });
    await expect(card(aleap, /Julien Dethier/).innerText()).resolves.toContain('encadre');

    await card(aleap, /Nadia Benali \(ALEAP\)/).getByRole('button', { name: 'Retirer' }).click();
    await aleap.getByText('Aucune suggestion ouverte.').waitFor();
    await screenshot(aleap, 'suggestions-orphaned-and-withdrawn');
    expect((await storedSuggestions(secretariat, note.id)).map((item) => item.status).sort()).toEqual(['orphaned', 'withdrawn']);
  });

  it('CAIPS replies on FdSS’s card, naming FdSS; FdSS sees the reply live and answers, and the document’s comments stay apart', async () => {
    const note = await createDocument(secretariat, { title: 'Note à discuter' });
    const fdssApi = await apiAs(app.server, 'fdss@demo.coupole.be');
    const suggestion = await fdssApi.request<SuggestionDto>(`/documents/${note.id}/suggestions`, { method: 'POST', body: { quote: '2018', replacement: '2025' } });
    const fdss = await app.signedIn('fdss@demo.coupole.be');
    const caips = await app.signedIn('caips@demo.coupole.be');
    for (const page of [fdss, caips]) {
      await openDocument(page, note.id);
      await page.getByRole('tab', { name: /Suggestions/ }).click();
    }
    const onFdss = card(fdss, /Olivier Renard \(FdSS\)/);
    const onCaips = card(caips, /Olivier Renard \(FdSS\)/);
    await onFdss.getByRole('button', { name: 'Accepter' }).waitFor();

    await onCaips.getByRole('button', { name: 'Répondre' }).click();
    const field = onCaips.getByLabel('Votre réponse');
    await field.pressSequentially('Pourquoi 2025 ? @FdS');
    // The composer of comments, mentions included: the federation is offered and picked.
    await caips.getByRole('option', { name: /FdSS/ }).first().click();
    await field.pressSequentially('le décret révisé ?');
    await onCaips.getByRole('button', { name: 'Publier la réponse' }).click();

    // FdSS sees it on the card, live: who (with the federation), when, what.
    const thread = onFdss.getByRole('region', { name: 'Discussion sur cette suggestion' });
    const question = thread.getByRole('listitem').filter({ hasText: 'Pourquoi 2025 ?' });
    await question.waitFor({ timeout: 5_000 });
    await expect(question.innerText()).resolves.toMatch(/Marc Vandenberghe\s*CAIPS/);
    await expect(question.locator('time').innerText()).resolves.toMatch(/^\d{1,2}(er)? \S+ \d{4} à \d{2}:\d{2}$/);
    await expect(question.locator('.comment__mention').allInnerTexts()).resolves.toEqual(['@fdss']);
    await expect(question.innerText()).resolves.toContain('Pourquoi 2025 ? @fdss le décret révisé ?');
    // FdSS is named: its card says so (the bar, and in words for screen readers).
    await expect(question.getByText('Vous êtes mentionné·e').count()).resolves.toBe(1);

    await onFdss.getByRole('button', { name: 'Répondre' }).click();
    await onFdss.getByLabel('Votre réponse').fill('Oui : le décret a été révisé en 2025.');
    await onFdss.getByRole('button', { name: 'Publier la réponse' }).click();
    await onCaips.getByRole('listitem').filter({ hasText: 'le décret a été révisé en 2025' }).waitFor({ timeout: 5_000 });
    await expect(thread.getByRole('listitem').count()).resolves.toBe(2);
    await onFdss.screenshot({ path: screenshotPath('suggestions-card-thread') });
    await screenshot(caips, 'suggestions-card-thread-caips');

    const stored = await secretariat.request<ListResponse<{ body: string; suggestionId: string; mentions: string[] }>>(`/suggestions/${suggestion.id}/comments`);
    expect(stored.items.map((item) => [item.suggestionId, item.mentions])).toEqual([
      [suggestion.id, ['fdss']],
      [suggestion.id, []],
    ]);
    expect((await storedSuggestions(secretariat, note.id))[0].commentCount).toBe(2);
    // The card holds the exchange; the Comments tab does not list it again.
    await caips.getByRole('tab', { name: /Commentaires/ }).click();
    await caips.getByText('Aucun commentaire ouvert.').waitFor();
  });

  it('accepts all of one federation\'s suggestions at once and leaves the others open', async () => {
    const note = await createDocument(secretariat, { title: 'Note en bloc' });
    const fdssApi = await apiAs(app.server, 'fdss@demo.coupole.be');
    const codefApi = await apiAs(app.server, 'codef@demo.coupole.be');
    const post = (api: ApiClient, quote: string, replacement: string) =>
      api.request(`/documents/${note.id}/suggestions`, { method: 'POST', body: { quote, replacement } });
    await post(fdssApi, '2018', '2025');
    await post(fdssApi, ' stables', ' pérennes');
    await post(codefApi, 'encadre', 'organise');
    const caips = await app.signedIn('caips@demo.coupole.be');
    await openDocument(caips, note.id);
    // Word with the open suggestions as tracked changes, from the Export tab.
    await caips.getByRole('tab', { name: /Export/ }).click();
    const word = caips.getByRole('link', { name: 'Word avec les suggestions ouvertes (modifications suivies)' });
    const download = await caips.request.get((await word.getAttribute('href'))!);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('wordprocessingml');
    // Opened as Word would: each open suggestion is a tracked change by "Person (Fédération)".
    const xml = strFromU8(unzipSync(new Uint8Array(await download.body()))['word/document.xml']);
    expect(xml).toMatch(/<w:del\b[^>]*w:author="Olivier Renard \(FdSS\)"[^>]*>(?:(?!<\/w:del>).)*2018/s);
    expect(xml).toMatch(/<w:ins\b[^>]*w:author="Olivier Renard \(FdSS\)"[^>]*>(?:(?!<\/w:ins>).)*2025/s);
    expect(xml).toMatch(/<w:del\b[^>]*w:author="Catherine Dubois \(CODEF\)"[^>]*>(?:(?!<\/w:del>).)*encadre/s);
    expect(xml).toMatch(/<w:ins\b[^>]*w:author="Catherine Dubois \(CODEF\)"[^>]*>(?:(?!<\/w:ins>).)*organise/s);
    await caips.getByRole('tab', { name: /Suggestions/ }).click();

    await caips.getByRole('button', { name: 'Tout accepter de FdSS (2)' }).click();

    await waitForBodyText(caips, 'Le décret de 2025 encadre');
    await waitForBodyText(caips, 'des moyens pérennes.');
    await caips.getByText('1 suggestion ouverte').waitFor();
    await card(caips, /Catherine Dubois \(CODEF\)/).getByRole('button', { name: 'Accepter' }).waitFor();
    await screenshot(caips, 'suggestions-bulk-accepted');
    expect((await storedSuggestions(secretariat, note.id)).map((item) => [item.federation, item.status])).toEqual([
      ['fdss', 'accepted'],
      ['fdss', 'accepted'],
      ['codef', 'open'],
    ]);
  });
});
