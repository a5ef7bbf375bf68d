import type { Page } from 'playwright-core';
import { apiAs, createDocument, storedSuggestions, editorBody, moveCaret, openDocument, selectWord, useBrowserApp, type ApiClient } from '../support/app';
import { screenshot } from '../support/browser';
import { eventually } from '../support/eventually';

const app = useBrowserApp();
let secretariat: ApiClient;

beforeAll(async () => {
  secretariat = await apiAs(app.server, 'secretariat@demo.coupole.be');
});

const card = (page: Page, kind: RegExp) => page.getByRole('article', { name: /Suggestion de Olivier Renard \(FdSS\)/ }).filter({ hasText: kind });

describe('paragraph and format suggestions in the editor', () => {
  it('FdSS presses Enter to propose a new paragraph and bolds a word; CAIPS sees both live, accepts them, and the text has them', async () => {
    const note = await createDocument(secretariat, { title: 'Note à structurer' });
    const fdss = await app.signedIn('fdss@demo.coupole.be');
    const caips = await app.signedIn('caips@demo.coupole.be');
    await openDocument(fdss, note.id);
    await openDocument(caips, note.id);
    await caips.getByRole('tab', { name: /Suggestions/ }).click();

    await fdss.getByRole('button', { name: 'Suggérer' }).click();
    await fdss.getByRole('button', { name: 'Suggérer', pressed: true }).waitFor();
    await selectWord(fdss, 'intégration.');
    await moveCaret(fdss, 'ArrowRight');
    await fdss.keyboard.press('Enter');
    await fdss.keyboard.type('Un paragraphe proposé par la FdSS.');
    // Not applied: drawn as a new paragraph in the FdSS colour, then sent as a paragraph suggestion.
    await card(fdss, /Paragraphes/).waitFor({ timeout: 10_000 });
    await expect(editorBody(fdss).locator('.suggestion-insert__paragraph').allInnerTexts()).resolves.toEqual(['Un paragraphe proposé par la FdSS.']);
    await screenshot(fdss, 'suggestion-kinds-1-fdss-new-paragraph');

    await selectWord(fdss, 'stables');
    await fdss.keyboard.press('Control+b');
    await card(fdss, /Mettre en gras/).waitFor({ timeout: 10_000 });
    await expect(editorBody(fdss).locator('strong').count()).resolves.toBe(0);
    await expect(editorBody(fdss).locator('.suggestion-format').allInnerTexts()).resolves.toEqual(['stables']);
    await screenshot(fdss, 'suggestion-kinds-2-fdss-bold');

    const stored = await storedSuggestions(secretariat, note.id);
    expect(stored.map(({ kind, quote, replacement, format }) => ({ kind, quote, replacement, format }))).toEqual([
      { kind: 'paragraph', quote: '', replacement: '\n\nUn paragraphe proposé par la FdSS.', format: null },
      { kind: 'format', quote: 'stables', replacement: 'stables', format: { mark: 'bold', action: 'add' } },
    ]);

    // CAIPS sees both live, in the text and as cards.
    await editorBody(caips).locator('.suggestion-insert__paragraph').filter({ hasText: 'Un paragraphe proposé' }).waitFor({ timeout: 10_000 });
    await editorBody(caips).locator('.suggestion-format').filter({ hasText: 'stables' }).waitFor({ timeout: 10_000 });
    await card(caips, /« Mettre en gras »/).waitFor();
    await screenshot(caips, 'suggestion-kinds-3-caips-sees-live');

    await card(caips, /Paragraphes/).getByRole('button', { name: 'Accepter' }).click();
    await card(caips, /Mettre en gras/).getByRole('button', { name: 'Accepter' }).click();
    await caips.getByText('Aucune suggestion ouverte.').waitFor({ timeout: 10_000 });
    for (const page of [caips, fdss]) {
      await editorBody(page).locator('p').filter({ hasText: /^Un paragraphe proposé par la FdSS\.$/ }).waitFor({ timeout: 10_000 });
      await editorBody(page).locator('strong').filter({ hasText: /^stables$/ }).waitFor({ timeout: 10_000 });
    }
    await expect(editorBody(caips).locator('.suggestion-insert, .suggestion-format').count()).resolves.toBe(0);
    const markdown = await eventually(
      async () => (await secretariat.request<{ markdown: string }>(`/documents/${note.id}`)).markdown,
      (text) => text.includes('**stables**'),
      'the bold word in the stored text',
    );
    expect(markdown).toContain('parcours d’intégration.\n\nUn paragraphe proposé par la FdSS.\n\nLes ILI demandent des moyens **stables**.');
    await screenshot(caips, 'suggestion-kinds-4-caips-accepted');
  });

  it('Backspace at a paragraph’s start proposes a join, the H2 button a heading: both as suggestions, accepted by the secretariat', async () => {
    const note = await createDocument(secretariat, { title: 'Note à joindre' });
    const fdss = await app.signedIn('fdss@demo.coupole.be');
    await openDocument(fdss, note.id);
    await fdss.getByRole('button', { name: 'Suggérer' }).click();
    await fdss.getByRole('button', { name: 'Suggérer', pressed: true }).waitFor();

    await selectWord(fdss, 'Les ILI');
    await moveCaret(fdss, 'ArrowLeft');
    await fdss.keyboard.press('Backspace');
    await card(fdss, /Paragraphes/).waitFor({ timeout: 10_000 });
    await expect(editorBody(fdss).locator('.suggestion-pilcrow.suggestion-delete').count()).resolves.toBe(1);

    await selectWord(fdss, 'encadre');
    await fdss.getByRole('button', { name: 'Titre 2' }).click();
    await card(fdss, /Transformer en titre de niveau 2/).waitFor({ timeout: 10_000 });
    await expect(editorBody(fdss).locator('h2').count()).resolves.toBe(0);
    await screenshot(fdss, 'suggestion-kinds-5-join-and-heading');
    const stored = await storedSuggestions(secretariat, note.id);
    expect(stored.map(({ kind, quote, replacement, format }) => ({ kind, quote, replacement, format }))).toEqual([
      { kind: 'paragraph', quote: '\n\n', replacement: '', format: null },
      { kind: 'format', quote: 'Le décret de 2018 encadre le parcours d’intégration.', replacement: 'Le décret de 2018 encadre le parcours d’intégration.', format: { block: 'heading', level: 2 } },
    ]);

    for (const suggestion of stored) {
      await secretariat.request(`/suggestions/${suggestion.id}/accept`, { method: 'POST' });
    }
    await editorBody(fdss).locator('h2').filter({ hasText: /^Le décret de 2018 encadre le parcours d’intégration\.Les ILI demandent des moyens stables\.$/ }).waitFor({ timeout: 10_000 });
    await screenshot(fdss, 'suggestion-kinds-6-join-and-heading-accepted');
  });
});
