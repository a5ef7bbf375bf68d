import type { CommentDto, ListResponse } from '@coupole/shared';
import type { Page } from 'playwright-core';
import { apiAs, createDocument, editorBody, moveCaret, selectWord, horizontalOverflow, openDocument, useBrowserApp, type ApiClient } from '../support/app';
import { PHONE_VIEWPORT, screenshot } from '../support/browser';

const app = useBrowserApp();
let secretariat: ApiClient;

beforeAll(async () => {
  secretariat = await apiAs(app.server, 'secretariat@demo.coupole.be');
});

function createNote(title: string) {
  return createDocument(secretariat, { title, kind: 'note_politique' });
}

async function storedComments(documentId: string): Promise<CommentDto[]> {
  return (await secretariat.request<ListResponse<CommentDto>>(`/documents/${documentId}/comments`)).items;
}

function highlights(page: Page) {
  return editorBody(page).locator('.comment-highlight');
}

describe('anchored comments', () => {
  it('stays on the commented word after the other federation edits before it', async () => {
    const note = await createNote('Note commentée');
    const aleap = await app.signedIn('aleap@demo.coupole.be');
    const caips = await app.signedIn('caips@demo.coupole.be');
    await openDocument(aleap, note.id);
    await openDocument(caips, note.id);

    await selectWord(aleap, 'décret');
    await aleap.getByRole('button', { name: 'Commenter' }).click();
    await aleap.getByLabel('Votre commentaire sur ce passage').fill('@caips faut-il citer la version de 2025 ?');
    await aleap.getByRole('button', { name: 'Publier le commentaire' }).click();

    await highlights(aleap).first().waitFor();
    await expect(highlights(aleap).allInnerTexts()).resolves.toEqual(['décret']);
    // CAIPS gets the comment live, highlighted on the same word, and mentioned.
    await highlights(caips).first().waitFor({ timeout: 5_000 });
    await expect(highlights(caips).allInnerTexts()).resolves.toEqual(['décret']);
    await caips.getByText('Vous êtes mentionné·e').waitFor();

    // CAIPS types just before the word and adds a paragraph above it.
    await editorBody(caips).getByText('Le décret de 2018').click();
    await caips.keyboard.press('Home');
    await caips.keyboard.type('Depuis 2015, le nouveau ');
    // Characters typed right before the word stay outside the anchor.
    await editorBody(aleap).getByText('Depuis 2015, le nouveau', { exact: false }).waitFor({ timeout: 2_000 });
    await expect(highlights(aleap).allInnerTexts()).resolves.toEqual(['décret']);
    await moveCaret(caips, 'Home');
    await caips.keyboard.press('Enter');
    await moveCaret(caips, 'ArrowUp');
    await caips.keyboard.type('Un paragraphe ajouté par CAIPS.');
    await editorBody(aleap).getByText('Un paragraphe ajouté par CAIPS.').waitFor({ timeout: 2_000 });
    await aleap.waitForTimeout(200);
    await caips.getByRole('status').filter({ hasText: 'Enregistré' }).waitFor();

    expect({ aleap: await highlights(aleap).allInnerTexts(), caips: await highlights(caips).allInnerTexts() }).toEqual({
      aleap: ['décret'],
      caips: ['décret'],
    });
    // A fresh reader computes the same place from the stored relative positions.
    const reader = await app.signedIn('fdss@demo.coupole.be');
    await openDocument(reader, note.id);
    await highlights(reader).first().waitFor();
    await expect(highlights(reader).allInnerTexts()).resolves.toEqual(['décret']);

    const [stored] = await storedComments(note.id);
    expect(stored.anchor?.quote).toBe('décret');
    expect(stored.mentions).toContain('caips');
    await screenshot(aleap, 'comments-anchored-aleap');
    await screenshot(caips, 'comments-anchored-caips');
  });
});

describe('comment threads', () => {
  it('answers, resolves and reopens a general comment, live for the other reader', async () => {
    const note = await createNote('Note discutée');
    const codef = await app.signedIn('codef@demo.coupole.be');
    const risome = await app.signedIn('risome@demo.coupole.be');
    await openDocument(codef, note.id);
    await openDocument(risome, note.id);

    await codef.getByLabel('Nouveau commentaire général').fill('Le ton général convient-il à @risome ?');
    await codef.getByRole('button', { name: 'Publier le commentaire' }).click();
    const thread = (page: Page) => page.getByRole('article').filter({ hasText: 'Le ton général convient-il' });
    await thread(risome).waitFor({ timeout: 5_000 });
    await expect(thread(risome).locator('.comment__mention').innerText()).resolves.toBe('@risome');

    await thread(risome).getByRole('button', { name: 'Répondre' }).click();
    await thread(risome).getByLabel('Votre réponse').fill('Oui, à condition de citer le décret.');
    await thread(risome).getByRole('button', { name: 'Publier la réponse' }).click();
    await thread(codef).getByText('Oui, à condition de citer le décret.').waitFor({ timeout: 5_000 });

    await thread(codef).getByRole('button', { name: 'Marquer comme résolu' }).click();
    await risome.getByText('Aucun commentaire ouvert.').waitFor({ timeout: 5_000 });
    await risome.getByLabel('Afficher les commentaires résolus').check();
    await thread(risome).getByText(/Résolu par/).waitFor();
    await screenshot(risome, 'comments-resolved');
    await thread(risome).getByRole('button', { name: 'Rouvrir' }).click();
    await codef.getByRole('tab', { name: /Commentaires\s*\(1\)/ }).waitFor({ timeout: 5_000 });

    const [stored] = await storedComments(note.id);
    expect(stored.resolved).toBe(false);
    expect(stored.replies.map((reply) => reply.body)).toEqual(['Oui, à condition de citer le décret.']);
  });

  it('offers people and federations after @, chosen with the keyboard, and stores who was named', async () => {
    const note = await createNote('Note à faire relire');
    const observer = (await secretariat.request<ListResponse<{ id: string; role: string }>>('/users/observers')).items[0];
    await secretariat.request(`/documents/${note.id}`, { method: 'PATCH', body: { observerIds: [observer.id] } });
    const page = await app.signedIn('aleap@demo.coupole.be');
    await openDocument(page, note.id);
    const field = page.getByLabel('Nouveau commentaire général');
    const list = page.getByRole('listbox', { name: 'Personnes et fédérations à mentionner' });

    await field.click();
    await page.keyboard.type('Avis de @tho');
    await list.waitFor();
    await expect(list.getByRole('option').allInnerTexts()).resolves.toEqual([expect.stringContaining('Thomas Leclercq')]);
    await expect(list.getByRole('option', { selected: true }).innerText()).resolves.toContain('Thomas Leclercq');
    expect(await field.getAttribute('aria-activedescendant')).toBe(await list.getByRole('option').first().getAttribute('id'));
    await page.keyboard.press('Enter');
    await list.waitFor({ state: 'hidden' });
    expect(await field.inputValue()).toBe('Avis de @thomas-leclercq ');

    // Federations come first; the arrows move the choice; no e-mail address is shown.
    await page.keyboard.type('et @a');
    await expect(list.getByRole('option').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^ALEAP\s+Fédération/),
      expect.stringMatching(/^Aïcha El Idrissi\s+CAIPS · Représentant/),
    ]);
    await screenshot(page, 'comments-mention-list', { fullPage: false });
    expect(await list.innerText()).not.toContain('@');
    await page.keyboard.press('ArrowDown');
    await expect(list.getByRole('option', { selected: true }).innerText()).resolves.toContain('Aïcha El Idrissi');
    await page.keyboard.press('Enter');
    expect(await field.inputValue()).toBe('Avis de @thomas-leclercq et @aicha-el-idrissi ');

    // Escape closes the list and leaves the text as typed.
    await page.keyboard.type('@ca');
    await list.getByRole('option', { name: /CAIPS/ }).first().waitFor();
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'hidden' });
    expect(await field.inputValue()).toBe('Avis de @thomas-leclercq et @aicha-el-idrissi @ca');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type(' ?');

    await page.getByRole('button', { name: 'Publier le commentaire' }).click();
    await page.getByRole('article').filter({ hasText: 'Avis de' }).locator('.comment__mention').first().waitFor();
    const [stored] = await storedComments(note.id);
    const mentionable = (await secretariat.request<ListResponse<{ id: string; handle: string }>>(`/documents/${note.id}/mentionable`)).items;
    const idOf = (handle: string) => mentionable.find((item) => item.handle === handle)?.id;
    expect(stored.mentions).toEqual([observer.id, idOf('aicha-el-idrissi')]);
  });

  it('refuses an empty comment in French without calling the server', async () => {
    const note = await createNote('Note sans commentaire vide');
    const page = await app.signedIn('aleap@demo.coupole.be', PHONE_VIEWPORT);
    await openDocument(page, note.id);
    await page.getByRole('button', { name: 'Publier le commentaire' }).click();
    await page.getByText('Écrivez votre commentaire.').waitFor();
    expect(await storedComments(note.id)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'document-phone');
  });
});
