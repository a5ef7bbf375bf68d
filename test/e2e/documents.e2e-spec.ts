import type { DocumentDetailDto } from '@coupole/shared';
import type { Page } from 'playwright-core';
import { apiAs, createDocument, editorBody, horizontalOverflow, openDocument, useBrowserApp, type ApiClient } from '../support/app';
import { PHONE_VIEWPORT, screenshot, screenshotPath } from '../support/browser';

const app = useBrowserApp();
let secretariat: ApiClient;

beforeAll(async () => {
  secretariat = await apiAs(app.server, 'secretariat@demo.coupole.be');
});

function createNote(title: string) {
  return createDocument(secretariat, { title });
}

/** Puts the caret at the end of the paragraph holding `text`. */
async function caretAfter(page: Page, text: string) {
  await editorBody(page).getByText(text).click();
  await page.keyboard.press('End');
}

describe('documents list', () => {
  it('lists documents with French kind and status, filters them and opens the creation form for the secretariat', async () => {
    const created = await createNote('Mémorandum régional 2026');
    const page = await app.signedIn('secretariat@demo.coupole.be');
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Documents' }).click();
    await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();

    const row = page.getByRole('row').filter({ hasText: created.title });
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/Note technique[\s\S]*En rédaction/);

    await page.getByLabel('Rechercher dans les titres et le texte').fill('mémorandum');
    await page.waitForURL(/q=m%C3%A9morandum/);
    await row.waitFor();
    await page.getByLabel('Statut').selectOption('withdrawn');
    await page.waitForURL(/status=withdrawn/);
    await page.getByText('Aucun document ne correspond à ces critères.').waitFor();
    await page.getByLabel('Statut').selectOption('');
    await row.waitFor();
    await screenshot(page, 'documents-list');

    await page.getByRole('button', { name: 'Nouveau document' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouveau document' });
    await dialog.getByRole('button', { name: 'Créer le document' }).click();
    await dialog.getByText('Indiquez le titre du document.').waitFor();
    await dialog.getByLabel('Titre').fill('Courrier au ministre');
    await dialog.getByLabel('Type de document').selectOption('courrier');
    await dialog.getByLabel('Texte en Markdown').check();
    await dialog.getByLabel('Texte de départ (Markdown)').fill('Monsieur le Ministre,\n\nNous vous écrivons au sujet du parcours.\n');
    await screenshot(page, 'documents-create-dialog');
    await dialog.getByRole('button', { name: 'Créer le document' }).click();

    await page.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Courrier au ministre' }).waitFor();
    await editorBody(page).getByText('Nous vous écrivons au sujet du parcours.').waitFor();
  });

  it('imports a Word file through the creation form, asking for the file first and taking the title from its Word Title paragraph', async () => {
    const source = await createNote('Note exportée pour import');
    const exported = await fetch(`${app.server.baseUrl}/api/documents/${source.id}/export?format=docx`, {
      headers: { Authorization: `Bearer ${secretariat.token}` },
    });
    expect(exported.status).toBe(200);
    const docx = Buffer.from(await exported.arrayBuffer());

    const page = await app.signedIn('secretariat@demo.coupole.be');
    await page.goto('/documents');
    await page.getByRole('button', { name: 'Nouveau document' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouveau document' });
    await dialog.getByLabel('Type de document').selectOption('note_politique');
    await dialog.getByRole('radio', { name: 'Fichier Word (.docx)' }).check();
    const fileInput = dialog.locator('input[type="file"]');
    await dialog.getByRole('button', { name: 'Créer le document' }).click();
    await dialog.getByText('Choisissez un fichier').waitFor();
    await expect(fileInput.getAttribute('aria-invalid')).resolves.toBe('true');
    await fileInput.setInputFiles({
      name: 'note-importee.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: docx,
    });
    await dialog.getByRole('button', { name: 'Créer le document' }).click();

    await page.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
    await editorBody(page).getByText('Les ILI demandent des moyens stables.').waitFor();
    const imported = await secretariat.request<DocumentDetailDto>(`/documents/${new URL(page.url()).pathname.split('/').pop()}`);
    // Coupole's DOCX export writes the title in Word's Title style: it comes back as the title,
    // not as a line of the body (a file without one takes its first heading, see docx-import.spec).
    expect({ title: imported.title, kind: imported.kind }).toEqual({ title: 'Note exportée pour import', kind: 'note_politique' });
    expect(imported.markdown).not.toContain('Note exportée pour import');
  });

  // Representatives create documents too (DESIGN §1, #9 point 1); home.e2e-spec creates one.
  it('offers the creation button to representatives, never to observers', async () => {
    const page = await app.signedIn('caips@demo.coupole.be');
    await page.goto('/documents');
    await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('button', { name: 'Nouveau document' }).count()).toBe(1);
    const observer = await app.signedIn('observateur@demo.coupole.be');
    await observer.goto('/documents');
    await observer.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
    expect(await observer.getByRole('button', { name: 'Nouveau document' }).count()).toBe(0);
  });

  it('shows live who is editing a document right now', async () => {
    const note = await createNote('Note suivie depuis la liste');
    const aleap = await app.signedIn('aleap@demo.coupole.be');
    await aleap.goto('/documents');
    const row = aleap.getByRole('row').filter({ hasText: note.title });
    await expect(row.innerText()).resolves.toContain('Personne');

    const caips = await app.signedIn('caips@demo.coupole.be');
    await openDocument(caips, note.id);
    await row.getByText('(CAIPS)').waitFor({ timeout: 5_000 });

    await caips.goto('/documents');
    await row.getByText('Personne').waitFor({ timeout: 5_000 });
  });

  it('stays readable on a phone', async () => {
    await createNote('Analyse des listes d’attente');
    const page = await app.signedIn('aleap@demo.coupole.be', PHONE_VIEWPORT);
    await page.goto('/documents');
    await page.getByRole('link', { name: 'Analyse des listes d’attente' }).first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'documents-list-phone');
  });
});

describe('document side tabs', () => {
  /** Each tab's top edge and whether it lies wholly inside the tab list's visible width. */
  function tabLayout(page: Page) {
    return page.getByRole('tablist', { name: 'Discussion et suivi du document' }).evaluate((list) =>
      [...list.querySelectorAll<HTMLElement>('[role="tab"]')].map((tab) => {
        const box = tab.getBoundingClientRect();
        const frame = list.getBoundingClientRect();
        return { name: tab.textContent, top: box.top, width: Math.round(box.width), visible: box.left >= frame.left - 1 && box.right <= frame.right + 1 };
      }),
    );
  }

  it('shows all six tabs of a laptop screen without scrolling, on two rows at most', async () => {
    const note = await createNote('Note aux onglets');
    const page = await app.signedIn('secretariat@demo.coupole.be');
    await openDocument(page, note.id);
    const tabs = await tabLayout(page);
    expect(tabs.map((tab) => tab.name?.replace(/\(\d+\)$/, ''))).toEqual(['Commentaires', 'Suggestions', 'Versions', 'Tours', 'Historique', 'Export']);
    expect(new Set(tabs.map((tab) => tab.top)).size).toBeLessThanOrEqual(2);
    expect(tabs.filter((tab) => !tab.visible)).toEqual([]);
    await page.getByRole('tablist').screenshot({ path: screenshotPath('document-tabs-laptop') });
    await screenshot(page, 'document-tabs-laptop-page', { fullPage: false });
  });

  it('keeps the tabs on one row on a phone, scrolling sideways to the tab chosen with the arrow keys', async () => {
    const note = await createNote('Note aux onglets sur téléphone');
    const page = await app.signedIn('aleap@demo.coupole.be', PHONE_VIEWPORT);
    await openDocument(page, note.id);
    const tabs = await tabLayout(page);
    expect(new Set(tabs.map((tab) => tab.top)).size).toBe(1);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.getByRole('tab', { name: /^Commentaires/ }).focus();
    await page.keyboard.press('End');
    const last = page.getByRole('tab', { selected: true });
    await expect(last.innerText()).resolves.toBe('Export');
    await expect(last.evaluate((tab) => tab === document.activeElement)).resolves.toBe(true);
    expect((await tabLayout(page)).find((tab) => tab.name === 'Export')?.visible).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { selected: true }).innerText()).resolves.toMatch(/^Commentaires/);
    expect((await tabLayout(page))[0].visible).toBe(true);
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('tabpanel').getByRole('link', { name: 'Markdown (.md)' }).waitFor();
    await page.getByRole('tablist').scrollIntoViewIfNeeded();
    await screenshot(page, 'document-tabs-phone', { fullPage: false });
  });
});

describe('live co-editing', () => {
  it('shows each representative the other’s words within two seconds, with presence and saved state', async () => {
    const note = await createNote('Note co-rédigée en direct');
    const aleap = await app.signedIn('aleap@demo.coupole.be');
    const caips = await app.signedIn('caips@demo.coupole.be');
    await openDocument(aleap, note.id);
    await openDocument(caips, note.id);

    // Each sees the other in the presence list, by name and federation, not colour alone.
    const presence = (page: Page) => page.getByRole('region', { name: 'Personnes présentes dans le document' });
    await presence(aleap).getByText('CAIPS').waitFor();
    await presence(caips).getByText('ALEAP').waitFor();

    await caretAfter(aleap, 'Le décret de 2018');
    await aleap.keyboard.type(' Proposition ALEAP.');
    const seenByCaips = Date.now();
    await editorBody(caips).getByText('Proposition ALEAP.', { exact: false }).waitFor({ timeout: 2_000 });
    const aleapToCaipsMs = Date.now() - seenByCaips;

    await caretAfter(caips, 'Les ILI demandent');
    await caips.keyboard.type(' Amendement CAIPS.');
    const seenByAleap = Date.now();
    await editorBody(aleap).getByText('Amendement CAIPS.', { exact: false }).waitFor({ timeout: 2_000 });
    const caipsToAleapMs = Date.now() - seenByAleap;

    for (const page of [aleap, caips]) {
      await page.getByRole('status').filter({ hasText: 'Enregistré' }).waitFor();
    }
    // A remote caret carries the person's name.
    await aleap.locator('.collaboration-carets__label', { hasText: 'CAIPS' }).waitFor();
    await screenshot(aleap, 'editor-aleap');
    await screenshot(caips, 'editor-caips');

    // What was acknowledged is durable: the API's Markdown holds both edits.
    const stored = await secretariat.request<DocumentDetailDto>(`/documents/${note.id}`);
    expect(stored.markdown).toContain('Le décret de 2018 encadre le parcours d’intégration. Proposition ALEAP.');
    expect(stored.markdown).toContain('Les ILI demandent des moyens stables. Amendement CAIPS.');
    console.info(`co-editing latency: ALEAP→CAIPS ${aleapToCaipsMs} ms, CAIPS→ALEAP ${caipsToAleapMs} ms`);
  });

  it('keeps edits typed offline and sends them once the connection is back', async () => {
    const note = await createNote('Note hors ligne');
    const aleap = await app.signedIn('aleap@demo.coupole.be');
    const caips = await app.signedIn('caips@demo.coupole.be');
    await openDocument(aleap, note.id);
    await openDocument(caips, note.id);

    // socket.io's reconnection attempts while offline fail, and Chromium logs each one.
    app.expectConsoleErrors(/net::ERR_INTERNET_DISCONNECTED/);
    await aleap.context().setOffline(true);
    await aleap.getByRole('status').filter({ hasText: 'Hors ligne — vos modifications sont conservées' }).waitFor();
    await caretAfter(aleap, 'Les ILI demandent');
    await aleap.keyboard.type(' Écrit hors ligne.');
    await aleap.getByRole('status').filter({ hasText: 'Enregistrement…' }).waitFor();
    await screenshot(aleap, 'editor-offline');

    await aleap.context().setOffline(false);
    await aleap.getByRole('status').filter({ hasText: 'Enregistré' }).waitFor({ timeout: 15_000 });
    await editorBody(caips).getByText('Écrit hors ligne.', { exact: false }).waitFor({ timeout: 5_000 });
  });

  it('formats with the toolbar’s icon buttons (underline, strikethrough) and undoes only one’s own typing', async () => {
    const note = await createNote('Note mise en forme');
    const aleap = await app.signedIn('aleap@demo.coupole.be');
    await openDocument(aleap, note.id);
    const toolbar = aleap.getByRole('toolbar', { name: 'Mise en forme' });
    // Every tool has a French name and a tooltip with its shortcut.
    await expect(toolbar.getByRole('button', { name: 'Souligné' }).getAttribute('title')).resolves.toBe('Souligné (Ctrl+U)');
    await expect(toolbar.getByRole('button', { name: 'Annuler' }).isDisabled()).resolves.toBe(true);

    await caretAfter(aleap, 'Les ILI demandent');
    await aleap.keyboard.type(' délai');
    await aleap.keyboard.press('Shift+Control+ArrowLeft');
    await toolbar.getByRole('button', { name: 'Souligné' }).click();
    await caretAfter(aleap, 'Le décret de 2018');
    await aleap.keyboard.type(' trente');
    await aleap.keyboard.press('Shift+Control+ArrowLeft');
    await toolbar.getByRole('button', { name: 'Barré' }).click();
    await editorBody(aleap).locator('u', { hasText: 'délai' }).waitFor();
    await editorBody(aleap).locator('s', { hasText: 'trente' }).waitFor();
    await aleap.getByRole('status').filter({ hasText: 'Enregistré' }).waitFor();
    await screenshot(aleap, 'editor-toolbar-icons');
    // The stored Markdown follows a couple of seconds after the last edit.
    let markdown = '';
    for (let tries = 0; tries < 40 && !markdown.includes('~~trente~~'); tries++) {
      markdown = (await secretariat.request<DocumentDetailDto>(`/documents/${note.id}`)).markdown;
      if (!markdown.includes('~~trente~~')) await aleap.waitForTimeout(250);
    }
    expect(markdown).toContain('Les ILI demandent des moyens stables. ++délai++');
    expect(markdown).toContain('~~trente~~');

    // Undo takes back this person's last change (y-undo: the strikethrough, with the word if typed
    // within half a second), redo brings it back.
    await toolbar.getByRole('button', { name: 'Annuler' }).click();
    await editorBody(aleap).locator('s', { hasText: 'trente' }).waitFor({ state: 'detached' });
    await toolbar.getByRole('button', { name: 'Rétablir' }).click();
    await editorBody(aleap).locator('s', { hasText: 'trente' }).waitFor();
  });

  it('shows observers the text read-only, with the reason', async () => {
    const note = await createNote('Note pour observateur');
    const admin = await apiAs(app.server, 'admin@demo.coupole.be');
    const { items: users } = await admin.request<{ items: { id: string; email: string }[] }>('/users');
    const observer = users.find((user) => user.email === 'observateur@demo.coupole.be')!;
    await secretariat.request(`/documents/${note.id}`, { method: 'PATCH', body: { observerIds: [observer.id] } });

    const page = await app.signedIn('observateur@demo.coupole.be');
    await openDocument(page, note.id);
    await page.getByText('En tant qu’observateur·rice, vous pouvez lire et commenter ce texte, mais pas le modifier.').waitFor();
    await expect(editorBody(page).getAttribute('contenteditable')).resolves.toBe('false');
    expect(await page.getByRole('button', { name: 'Gras' }).count()).toBe(0);
    await screenshot(page, 'editor-observer');
  });
});

describe('versions', () => {
  it('freezes a version with its hash, shows the word diff with the draft and restores it', async () => {
    const note = await createNote('Note versionnée');
    const page = await app.signedIn('codef@demo.coupole.be');
    await openDocument(page, note.id);
    await page.getByRole('tab', { name: 'Versions' }).click();
    await page.getByLabel('Libellé de la version (facultatif)').fill('Avant relecture');
    await page.getByRole('button', { name: 'Figer une version' }).click();
    await page.getByText(/Version 1 figée \(empreinte [0-9a-f]{12}\)/).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Avant relecture' }).waitFor();

    await caretAfter(page, 'Les ILI demandent');
    await page.keyboard.type(' Et durables.');
    await page.getByRole('status').filter({ hasText: 'Enregistré' }).waitFor();
    await page.getByLabel('Jusqu’à').selectOption('1');
    await page.getByLabel('Jusqu’à').selectOption('draft');
    const inserted = page.locator('.diff ins');
    await inserted.first().waitFor();
    await expect(inserted.allInnerTexts()).resolves.toEqual(expect.arrayContaining([expect.stringContaining('Et durables.')]));
    await expect(page.locator('.diff ins .visually-hidden').first().innerText()).resolves.toContain('ajout');
    await screenshot(page, 'versions-diff');

    await page.getByRole('button', { name: 'Restaurer la version 1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restaurer la version 1 ?' });
    await dialog.getByRole('button', { name: 'Restaurer cette version' }).click();
    await editorBody(page).getByText('Et durables.').waitFor({ state: 'detached', timeout: 5_000 });
    await page.getByRole('tab', { name: 'Historique' }).click();
    await page.getByText('a figé la version 1').waitFor();
    await page.getByText('a restauré la version 1').waitFor();
    await screenshot(page, 'timeline');
  });

  it('keeps a comparison with the draft following the edits, shows it formatted, and never cuts a label mid-word', async () => {
    const note = await createDocument(secretariat, {
      title: 'Note comparée au brouillon',
      markdown: '# Objet\n\nLe décret de 2018 encadre le parcours d’intégration.\n\nLes ILI demandent des moyens stables.\n',
    });
    const label = 'Relecture intersectorielle approfondie des administrateurs';
    await secretariat.request(`/documents/${note.id}/versions`, { method: 'POST', body: { label } });
    const page = await app.signedIn('codef@demo.coupole.be');
    await openDocument(page, note.id);
    await page.getByRole('tab', { name: 'Versions' }).click();
    const diff = page.locator('.diff');
    await diff.getByText('Aucune différence entre ces deux états.').waitFor();
    // Formatted: the heading is a heading, no Markdown mark on screen.
    await diff.getByRole('heading', { name: 'Objet' }).waitFor();
    expect(await diff.innerText()).not.toContain('#');

    // The panel stays open and follows the text as it is edited.
    await caretAfter(page, 'Les ILI demandent');
    await page.keyboard.type(' Et durables.');
    await diff.locator('ins').filter({ hasText: 'Et durables.' }).first().waitFor();
    await caretAfter(page, 'Objet');
    await page.keyboard.type(' de la note');
    await diff.getByRole('heading', { name: /^Objet/ }).locator('ins').filter({ hasText: 'de la note' }).first().waitFor();
    expect(await diff.innerText()).not.toContain('#');

    // Every word of the version's label sits on one line.
    const splitWords = await page
      .locator('.version__label')
      .first()
      .evaluate((element) => {
        const node = element.firstChild as Text;
        const broken: string[] = [];
        for (const match of node.data.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
          if (tops.size > 1) broken.push(match[0]);
        }
        return broken;
      });
    expect(splitWords).toEqual([]);
    // In the pickers, a long label is shortened after a whole word.
    expect(await page.getByLabel('Depuis').locator('option:checked').innerText()).toBe('Version 1 — Relecture intersectorielle…');
    await screenshot(page, 'versions-live-draft-diff');
  });
});

describe('archiving', () => {
  it('archives a document from its page: read-only live on the other open page, out of the list, shown by the filter, then unarchived', async () => {
    const note = await createNote('Note à archiver');
    const aleap = await app.signedIn('aleap@demo.coupole.be');
    await openDocument(aleap, note.id);
    await aleap.getByLabel('Nouveau commentaire général').waitFor();
    const page = await app.signedIn('secretariat@demo.coupole.be');
    await openDocument(page, note.id);

    await page.getByRole('button', { name: 'Archiver', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Archiver ce document ?' });
    await screenshot(page, 'documents-archive-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: 'Archiver le document' }).click();
    await page.getByText(/^Archivé le .+ \d{4} par Julien Dethier$/).waitFor();
    await page.getByRole('button', { name: 'Désarchiver' }).waitFor();

    // The representative's open page turns read-only without a reload.
    await aleap.getByText(/^Ce texte est archivé/).waitFor({ timeout: 5_000 });
    await expect(editorBody(aleap).getAttribute('contenteditable')).resolves.toBe('false');
    expect(await aleap.getByLabel('Nouveau commentaire général').count()).toBe(0);
    await screenshot(aleap, 'documents-archived-representative', { fullPage: false });

    await page.goto('/documents');
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('link', { name: 'Note à archiver' }).count()).toBe(0);
    await page.getByLabel('Documents archivés').check();
    await page.waitForURL(/archived=true/);
    const row = page.getByRole('row', { name: /Note à archiver/ });
    await row.getByText('Archivé', { exact: true }).waitFor();
    await screenshot(page, 'documents-archived-list', { fullPage: false });

    await row.getByRole('link', { name: 'Note à archiver' }).click();
    await page.getByRole('button', { name: 'Désarchiver' }).click();
    await page.getByRole('button', { name: 'Archiver', exact: true }).waitFor();
    await aleap.getByLabel('Nouveau commentaire général').waitFor({ timeout: 5_000 });
    await editorBody(aleap).locator('xpath=self::*[@contenteditable="true"]').waitFor({ timeout: 5_000 });
  });
});
