import type { DocumentDetailDto } from '@coupole/shared';
import type { Page } from 'playwright-core';
import { apiAs, createDocument, editorBody, horizontalOverflow, useBrowserApp, type ApiClient } from '../support/app';
import { PHONE_VIEWPORT, screenshot, screenshotPath } from '../support/browser';

const NOTE =
  '# Note sur le financement des ILI\n\n' +
  'Le décret de 2018 encadre le parcours d’intégration.\n\n' +
  'Les ILI demandent des moyens stables et pluriannuels.\n\n' +
  'La Coupole propose une concertation annuelle avec le cabinet.\n';
const QUESTION = 'Adoptons-nous la note sur le financement dans sa version 1 ?';
const FEDERATIONS = ['aleap', 'caips', 'codef', 'fdss', 'risome'] as const;

const app = useBrowserApp();
let secretariatApi: ApiClient;

beforeAll(async () => {
  secretariatApi = await apiAs(app.server, 'secretariat@demo.coupole.be');
});

function progress(page: Page, answered: number) {
  const text = answered <= 1 ? `${answered} fédération sur 5 a répondu` : `${answered} fédérations sur 5 ont répondu`;
  return page.locator('.round-progress__summary', { hasText: text });
}

function card(page: Page, federationName: string) {
  return page.locator('.position-card').filter({ has: page.getByRole('heading', { name: federationName, exact: true }) });
}

async function castPosition(page: Page, stance: RegExp, reason?: string) {
  await page.getByRole('radio', { name: stance }).check();
  if (reason) await page.getByLabel('Motif').fill(reason);
  await page.getByRole('button', { name: 'Enregistrer la position' }).click();
  await page.getByRole('status').filter({ hasText: 'Position enregistrée.' }).waitFor();
}

describe('consensus round in the browser', () => {
  it('opens a round, shows five federations casting live to the secretariat, closes it and registers the decision', async () => {
    const note = await createDocument(secretariatApi, { title: 'Note sur le financement des ILI', kind: 'note_politique', markdown: NOTE });
    await secretariatApi.request(`/documents/${note.id}/versions`, { method: 'POST', body: { label: 'Pour le tour' } });

    // Everyone signs in first, so that the round's notification arrives live.
    const secretariat = await app.signedIn('secretariat@demo.coupole.be');
    const representatives: Page[] = [];
    for (const slug of FEDERATIONS) representatives.push(await app.signedIn(`${slug}@demo.coupole.be`));
    const [aleap, caips, codef, fdss, risome] = representatives;
    await aleap.goto('/decisions');
    await aleap.getByRole('heading', { name: 'Décisions', level: 1 }).waitFor();
    const unreadBefore = await aleap.getByRole('button', { name: /^Notifications/ }).getAttribute('aria-label');

    // The secretariat opens the round from the document page.
    await secretariat.goto(`/documents/${note.id}`);
    await secretariat.getByRole('tab', { name: 'Tours', exact: true }).click();
    await secretariat.getByRole('button', { name: 'Ouvrir un tour' }).click();
    const dialog = secretariat.getByRole('dialog', { name: 'Ouvrir un tour de consensus' });
    expect(await dialog.getByLabel('Version soumise').inputValue()).toBe('1');
    await dialog.getByLabel('Question posée aux fédérations').fill(QUESTION);
    await dialog.getByRole('radio', { name: /^Consensus(?! approximatif)/ }).check();
    await screenshot(secretariat, 'rounds-open-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: 'Ouvrir le tour' }).click();
    await secretariat.waitForURL(`**/documents/${note.id}/tours/**`);
    await secretariat.getByRole('heading', { name: QUESTION, level: 1 }).waitFor();
    await progress(secretariat, 0).waitFor();
    expect(await secretariat.getByRole('timer').innerText()).toMatch(/^encore \d+ j \d{2} h \d{2} min$/);
    const roundPath = new URL(secretariat.url()).pathname;

    // The representatives were told, live.
    await aleap.getByRole('button', { name: /^Notifications, \d+ non lues?$/ }).waitFor();
    expect(await aleap.getByRole('button', { name: /^Notifications/ }).getAttribute('aria-label')).not.toBe(unreadBefore);
    await aleap.getByRole('button', { name: /^Notifications/ }).click();
    await aleap.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: /Note sur le financement des ILI/ }).first().click();
    await aleap.waitForURL(`**${roundPath}`);

    for (const page of [caips, codef, fdss, risome]) await page.goto(roundPath);
    for (const page of representatives) await page.getByRole('heading', { name: QUESTION, level: 1 }).waitFor();

    // Each federation casts; the secretariat's page follows without reloading.
    const castAt = Date.now();
    await castPosition(aleap, /^D’accord(?! avec)/);
    await progress(secretariat, 1).waitFor();
    const liveMs = Date.now() - castAt;
    console.log(`position saved and shown on the secretariat's page in ${liveMs} ms`);
    expect(liveMs).toBeLessThan(3_000);
    await castPosition(caips, /^D’accord avec réserves/, 'Le calendrier de la concertation reste à préciser.');
    await progress(secretariat, 2).waitFor();
    await card(secretariat, 'CAIPS').getByText("D’accord avec réserves").waitFor();
    await card(secretariat, 'CAIPS').getByText('Le calendrier de la concertation reste à préciser.').waitFor();
    await castPosition(codef, /^D’accord(?! avec)/);
    await castPosition(fdss, /^Je m’abstiens/);
    await progress(secretariat, 4).waitFor();
    await secretariat.locator('.round-progress__missing', { hasText: 'En attente de : Risome' }).waitFor();
    await screenshot(risome, 'rounds-representative-form');
    await castPosition(risome, /^D’accord(?! avec)/);
    await progress(secretariat, 5).waitFor();
    await secretariat.locator('.round-progress__missing', { hasText: 'Toutes les fédérations ont répondu.' }).waitFor();
    await screenshot(secretariat, 'rounds-secretariat-watching');

    // The facilitator closes; the outcome reaches every federation's page live.
    await secretariat.getByRole('button', { name: 'Clore le tour…' }).click();
    const close = secretariat.getByRole('dialog', { name: /^Clore le tour n° 1/ });
    await close.getByRole('status').filter({ hasText: 'Adopté avec réserves' }).waitFor();
    await close.getByLabel('Déclaration de clôture').fill('La note est adoptée ; la réserve de CAIPS sera traitée en concertation.');
    await close.getByRole('button', { name: 'Clore le tour' }).click();
    await secretariat.getByRole('heading', { name: 'Adopté avec réserves', level: 2 }).waitFor();
    await caips.getByRole('heading', { name: 'Adopté avec réserves', level: 2 }).waitFor();
    expect(await caips.getByRole('button', { name: 'Modifier la position' }).count()).toBe(0);
    await screenshot(secretariat, 'rounds-closed');

    // The document page lists the round with its outcome.
    await caips.goto(`/documents/${note.id}`);
    await caips.getByRole('tab', { name: 'Tours', exact: true }).click();
    await caips.getByRole('link', { name: 'Tour n° 1 · version 1' }).waitFor();
    await caips.locator('.round-item').getByText('Adopté avec réserves').waitFor();
    await screenshot(caips, 'rounds-document-tab', { fullPage: false });

    // The decision is in the register, and the chain verifies.
    await secretariat.getByRole('link', { name: /^Voir la décision n° \d+ au registre$/ }).click();
    await secretariat.getByRole('heading', { name: 'Note sur le financement des ILI', level: 1 }).waitFor();
    await secretariat.getByText('La note est adoptée ; la réserve de CAIPS sera traitée en concertation.').waitFor();
    await secretariat.getByRole('heading', { name: 'Réserves publiées' }).waitFor();
    await screenshot(secretariat, 'rounds-decision');
    await secretariat.getByRole('link', { name: 'Décisions', exact: true }).click();
    const badge = secretariat.locator('.integrity-badge--valid');
    await badge.waitFor();
    expect(await badge.innerText()).toMatch(/Registre intègre — \d+ décisions/);
    await secretariat.getByRole('link', { name: 'Note sur le financement des ILI' }).waitFor();
    await secretariat.getByLabel('Rechercher', { exact: true }).fill('financement');
    await secretariat.waitForFunction(() => document.querySelectorAll('.decision-item').length === 1);
    expect(await secretariat.locator('.decision-item').innerText()).toContain('Note sur le financement des ILI');
    await screenshot(secretariat, 'rounds-register');
  });

  it('patches a watching page from the live event without fetching the round, and refetches it once after a missed event', async () => {
    const note = await createDocument(secretariatApi, { title: 'Note suivie en direct', kind: 'note_technique', markdown: NOTE });
    await secretariatApi.request(`/documents/${note.id}/versions`, { method: 'POST', body: {} });
    const round = await secretariatApi.request<{ id: string }>(`/documents/${note.id}/rounds`, {
      method: 'POST',
      body: { version: 1, question: 'Suivons-nous ce tour en direct ?', closesAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    const roundPath = `/documents/${note.id}/tours/${round.id}`;
    const roundGets = (page: Page) => {
      const seen = { count: 0 };
      page.on('request', (request) => {
        if (request.method() === 'GET' && new URL(request.url()).pathname === `/api/rounds/${round.id}`) seen.count++;
      });
      return seen;
    };

    const secretariat = await app.signedIn('secretariat@demo.coupole.be');
    // The watcher's /live frames pass through here, so that one `round.updated` can be lost.
    let dropNextRoundUpdate = false;
    await secretariat.routeWebSocket(/\/socket\.io\//, (socket) => {
      const server = socket.connectToServer();
      socket.onMessage((message) => server.send(message));
      server.onMessage((message) => {
        if (dropNextRoundUpdate && typeof message === 'string' && message.includes('["round.updated"')) {
          dropNextRoundUpdate = false;
          return;
        }
        socket.send(message);
      });
    });
    const codef = await app.signedIn('codef@demo.coupole.be');
    for (const page of [secretariat, codef]) {
      await page.goto(roundPath);
      await page.getByRole('heading', { name: 'Suivons-nous ce tour en direct ?', level: 1 }).waitFor();
    }
    await progress(secretariat, 0).waitFor();
    const watched = roundGets(secretariat);
    const caster = roundGets(codef);

    // A cast in the other browser: the tally, the card and the map change without a GET of the round.
    await castPosition(codef, /^D’accord avec réserves/, 'Le calendrier reste à préciser.');
    await progress(secretariat, 1).waitFor();
    await card(secretariat, 'CODEF').getByText('Le calendrier reste à préciser.').waitFor();
    await progress(codef, 1).waitFor();
    // Room for a late refetch to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(watched.count).toBe(0);
    expect(caster.count).toBe(0);
    await screenshot(secretariat, 'rounds-live-patched');

    // One event lost: the next one shows a gap in seq, and the page refetches the round once.
    dropNextRoundUpdate = true;
    await apiAs(app.server, 'caips@demo.coupole.be').then((caips) =>
      caips.request(`/rounds/${round.id}/position`, { method: 'PUT', body: { stance: 'agree' } }),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(dropNextRoundUpdate).toBe(false);
    await progress(secretariat, 1).waitFor();
    expect(watched.count).toBe(0);
    await apiAs(app.server, 'fdss@demo.coupole.be').then((fdss) =>
      fdss.request(`/rounds/${round.id}/position`, { method: 'PUT', body: { stance: 'stand_aside', reason: 'Nous ne bloquons pas.' } }),
    );
    await progress(secretariat, 3).waitFor();
    await card(secretariat, 'CAIPS').getByText("D’accord", { exact: true }).waitFor();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(watched.count).toBe(1);
    expect(caster.count).toBe(0);
    await progress(codef, 3).waitFor();
  });

  it('takes the deadline in French (jj/mm/aaaa, 14h30) typed or picked in a Monday-first calendar, as Brussels time', async () => {
    const note = await createDocument(secretariatApi, { title: 'Note à échéance choisie', kind: 'note_politique', markdown: NOTE });
    await secretariatApi.request(`/documents/${note.id}/versions`, { method: 'POST', body: { label: 'Pour le tour' } });
    const secretariat = await app.signedIn('secretariat@demo.coupole.be');
    await secretariat.goto(`/documents/${note.id}`);
    await secretariat.getByRole('tab', { name: 'Tours', exact: true }).click();
    await secretariat.getByRole('button', { name: 'Ouvrir un tour' }).click();
    const dialog = secretariat.getByRole('dialog', { name: 'Ouvrir un tour de consensus' });
    await dialog.getByLabel('Question posée aux fédérations').fill(QUESTION);
    // The proposed deadline is written the French way.
    expect(await dialog.getByLabel('Échéance', { exact: true }).inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(await dialog.getByLabel('Échéance — heure').inputValue()).toMatch(/^\d{2}h\d{2}$/);

    // A day that does not exist is refused by name, a real one accepted.
    await dialog.getByLabel('Échéance', { exact: true }).fill('31/02/2027');
    await dialog.getByLabel('Échéance — heure').click();
    await dialog.getByText('Date non reconnue : écrivez-la jj/mm/aaaa, par exemple 31/12/2026.').waitFor();
    await dialog.getByLabel('Échéance', { exact: true }).fill('15/01/2027');
    await dialog.getByLabel('Échéance — heure').fill('14h30');

    // The calendar opens on the chosen day, Monday first; the arrow keys move, Enter picks.
    await dialog.getByRole('button', { name: 'Choisir dans le calendrier' }).click();
    const calendar = secretariat.getByRole('dialog', { name: 'Calendrier — janvier 2027' });
    await calendar.waitFor();
    expect(await calendar.locator('th').first().innerText()).toBe('lu');
    await expect(calendar.getByRole('button', { name: 'vendredi 15 janvier 2027' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await screenshot(secretariat, 'date-picker-calendar', { fullPage: false });
    await secretariat.keyboard.press('ArrowRight');
    await secretariat.keyboard.press('ArrowDown');
    await secretariat.keyboard.press('Enter');
    await calendar.waitFor({ state: 'detached' });
    expect(await dialog.getByLabel('Échéance', { exact: true }).inputValue()).toBe('23/01/2027');

    await dialog.getByRole('button', { name: 'Ouvrir le tour' }).click();
    await secretariat.waitForURL(`**/documents/${note.id}/tours/**`);
    const roundId = new URL(secretariat.url()).pathname.split('/').pop()!;
    const round = await secretariatApi.request<{ closesAt: string }>(`/rounds/${roundId}`);
    // 14h30 in Brussels in winter is 13:30 UTC.
    expect(round.closesAt).toBe('2027-01-23T13:30:00.000Z');
  });

  it('lets a federation object with an amendment, and applies that amendment to the draft once the round is blocked', async () => {
    const note = await createDocument(secretariatApi, { title: 'Note sur les moyens des ILI', kind: 'note_technique', markdown: NOTE });
    await secretariatApi.request(`/documents/${note.id}/versions`, { method: 'POST', body: {} });
    const round = await secretariatApi.request<{ id: string }>(`/documents/${note.id}/rounds`, {
      method: 'POST',
      body: { version: 1, question: 'Adoptons-nous la note sur les moyens ?', closesAt: new Date(Date.now() + 86_400_000).toISOString(), rule: 'consensus' },
    });

    const codef = await app.signedIn('codef@demo.coupole.be');
    await codef.goto(`/documents/${note.id}/tours/${round.id}`);
    await codef.getByRole('radio', { name: /^Objection/ }).check();
    await codef.getByRole('button', { name: 'Enregistrer la position' }).click();
    // The shared rule, in the form's words, before anything is sent.
    await codef.getByText('Une objection ou un amendement vise au moins un paragraphe : cochez-le.').waitFor();
    await codef.getByText('Proposez un amendement, ou cochez « Aucun amendement possible ».').waitFor();
    await codef.getByLabel('Motif').fill('« Stables » ne suffit pas : il faut un engagement pluriannuel chiffré.');
    await codef.getByRole('checkbox', { name: /§ 3/ }).check();
    const amendment = 'Les ILI demandent un financement pluriannuel garanti sur cinq ans.';
    await codef.getByLabel('Amendement proposé (texte de remplacement)').fill(amendment);
    await screenshot(codef, 'rounds-objection-form');
    await codef.getByRole('button', { name: 'Enregistrer la position' }).click();
    await codef.getByRole('status').filter({ hasText: 'Position enregistrée.' }).waitFor();
    await codef.locator('#paragraphe-3').getByText('CODEF').waitFor();

    await secretariatApi.request(`/rounds/${round.id}/close`, { method: 'POST', body: {} });
    await codef.getByRole('heading', { name: 'Bloqué', level: 2 }).waitFor();
    await codef.getByRole('button', { name: 'Retirer l’objection' }).waitFor();

    await codef.goto(`/documents/${note.id}`);
    await codef.getByRole('status').filter({ hasText: 'Synchronisé' }).waitFor();
    await codef.getByRole('tab', { name: 'Tours', exact: true }).click();
    await codef.getByRole('heading', { name: 'Objections ouvertes du tour n° 1' }).waitFor();
    await codef.getByRole('button', { name: 'Accepter l’amendement dans le brouillon' }).click();
    await codef.getByRole('status').filter({ hasText: 'Amendement accepté dans le brouillon. L’objection sera intégrée quand une version figée le contiendra.' }).waitFor();
    // Accepted, not integrated yet: the objection stays open, says why, and its button goes.
    const objection = codef.locator('.objection').filter({ hasText: 'CODEF' });
    await objection.getByText('Amendement accepté dans le brouillon : intégrée à la prochaine version figée qui le contient.').waitFor();
    await objection.getByText('Ouverte', { exact: true }).waitFor();
    expect(await codef.getByRole('button', { name: 'Accepter l’amendement dans le brouillon' }).count()).toBe(0);
    await editorBody(codef).getByText(amendment).waitFor();
    const draft = await secretariatApi.request<DocumentDetailDto>(`/documents/${note.id}`);
    expect(draft.markdown).toContain(amendment);
    expect(draft.markdown).not.toContain('Les ILI demandent des moyens stables et pluriannuels.');
    await screenshot(codef, 'rounds-amendment-applied', { fullPage: false });
    // The next frozen version carries it: then the objection is integrated.
    await secretariatApi.request(`/documents/${note.id}/versions`, { method: 'POST', body: { label: 'avec l’amendement' } });
    await codef.goto(`/documents/${note.id}/tours/${round.id}`);
    await codef.getByRole('region', { name: 'Objections' }).locator('.objection').filter({ hasText: 'CODEF' }).getByText('Intégrée', { exact: true }).waitFor();
  });

  it('lets a federation object to proposition 1 of a list alone, the headings labelling the paragraphs under them', async () => {
    const markdown =
      '## Objet\n\nLa Coupole demande trois mesures au Gouvernement wallon.\n\n## Propositions\n\n' +
      '1. Financer les modules de français langue étrangère.\n2. Reconnaître l’accompagnement social.\n3. Simplifier les attestations.\n';
    const note = await createDocument(secretariatApi, { title: 'Note en trois propositions', kind: 'note_politique', markdown });
    await secretariatApi.request(`/documents/${note.id}/versions`, { method: 'POST', body: {} });
    const round = await secretariatApi.request<{ id: string }>(`/documents/${note.id}/rounds`, {
      method: 'POST',
      body: { version: 1, question: 'Adoptons-nous les trois propositions ?', closesAt: new Date(Date.now() + 86_400_000).toISOString() },
    });

    const fdss = await app.signedIn('fdss@demo.coupole.be');
    await fdss.goto(`/documents/${note.id}/tours/${round.id}`);
    await fdss.getByRole('radio', { name: /^Objection/ }).check();
    const picker = fdss.getByRole('group', { name: 'Paragraphes concernés' });
    // The headings label the paragraphs; they are not offered themselves.
    expect(await picker.getByRole('checkbox').evaluateAll((boxes) => boxes.map((box) => box.closest('label')?.querySelector('strong')?.textContent))).toEqual([
      'Objet — § 2',
      'Propositions — § 4.1',
      'Propositions — § 4.2',
      'Propositions — § 4.3',
    ]);
    await picker.getByRole('checkbox', { name: /^Propositions — § 4\.1 / }).check();
    await fdss.getByLabel('Motif').fill('Le financement doit être indexé.');
    // Written in the editor, on a copy of proposition 1 pre-filled with its text.
    const amendmentBox = fdss.getByRole('textbox', { name: 'Amendement proposé (texte de remplacement)' });
    await amendmentBox.getByText('Financer les modules de français langue étrangère.').waitFor();
    await amendmentBox.evaluate((element) => {
      (element as HTMLElement).focus();
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const index = node.textContent!.indexOf('Financer');
        if (index < 0) continue;
        const range = document.createRange();
        range.setStart(node, index + 'Financer'.length);
        range.collapse(true);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        return;
      }
    });
    await fdss.waitForTimeout(100);
    await fdss.keyboard.type(' et indexer');
    await screenshot(fdss, 'rounds-objection-list-item');
    await fdss.getByRole('button', { name: 'Enregistrer la position' }).click();
    await fdss.getByRole('status').filter({ hasText: 'Position enregistrée.' }).waitFor();

    // The convergence map puts the objection on proposition 1 only.
    await fdss.locator('#paragraphe-4-1').getByText('FdSS').waitFor();
    expect(await fdss.locator('#paragraphe-4-2').getByText('FdSS').count()).toBe(0);
    expect(await fdss.locator('#paragraphe-3').getByRole('group').count()).toBe(0);
    const objection = fdss.getByRole('region', { name: 'Objections' }).locator('.objection').filter({ hasText: 'FdSS' });
    await objection.getByRole('link', { name: '§ 4.1', exact: true }).waitFor();
    // The amendment reads as a diff of proposition 1: the added words marked, no Markdown.
    expect((await objection.locator('.position__amendment-diff ins').allInnerTexts()).map((text) => text.trim())).toEqual([expect.stringContaining('et indexer')]);
    expect(await objection.locator('.position__amendment-diff').innerText()).not.toContain('1. Financer');
    await objection.screenshot({ path: screenshotPath('rounds-objection-amendment-diff') });
    await fdss.locator('#paragraphe-4-1').scrollIntoViewIfNeeded();
    await screenshot(fdss, 'rounds-convergence-list-item', { fullPage: false });

    const detail = await secretariatApi.request<{ positions: { federation: string; paragraphs: string[] }[]; units: { id: string; label: string }[] }>(
      `/rounds/${round.id}`,
    );
    const proposition1 = detail.units.find((unit) => unit.label === '§ 4.1');
    expect(detail.positions.find((position) => position.federation === 'fdss')?.paragraphs).toEqual([proposition1?.id]);
  });

  it('says an adoption by silence is one, and shows the silent federations as deemed to agree, not as awaited', async () => {
    const note = await createDocument(secretariatApi, { title: 'Communiqué par silence', kind: 'communique', markdown: NOTE });
    await secretariatApi.request(`/documents/${note.id}/versions`, { method: 'POST', body: {} });
    const round = await secretariatApi.request<{ id: string }>(`/documents/${note.id}/rounds`, {
      method: 'POST',
      // The deadline sweep closes it a few seconds from now.
      body: { version: 1, question: 'Le communiqué part-il sans objection ?', closesAt: new Date(Date.now() + 4_000).toISOString(), rule: 'silence' },
    });
    const aleapApi = await apiAs(app.server, 'aleap@demo.coupole.be');
    await aleapApi.request(`/rounds/${round.id}/position`, { method: 'PUT', body: { stance: 'agree' } });

    const page = await app.signedIn('caips@demo.coupole.be', PHONE_VIEWPORT);
    await page.goto(`/documents/${note.id}/tours/${round.id}`);
    const banner = page.getByRole('region', { name: 'Adopté' });
    await banner.getByText("Le texte est adopté par procédure de silence — 4 fédérations réputées d’accord.").waitFor();
    expect(await banner.getByText(/par consensus/).count()).toBe(0);
    expect(await page.getByText(/pas encore pris position/).count()).toBe(0);
    await card(page, 'CAIPS').getByText("Réputée d’accord", { exact: true }).waitFor();
    await page.getByText('Réputées d’accord (procédure de silence) :').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'rounds-phone-silence');

    await banner.getByRole('link', { name: /Voir la décision/ }).click();
    await page.getByText("Le texte est adopté par procédure de silence — 4 fédérations réputées d’accord.").waitFor();
  });

  it('tells a representative writing a position that the round was cancelled, keeps the text, and registers no decision', async () => {
    const note = await createDocument(secretariatApi, { title: 'Note retirée en cours de tour', kind: 'note_technique', markdown: NOTE });
    await secretariatApi.request(`/documents/${note.id}/versions`, { method: 'POST', body: {} });
    const round = await secretariatApi.request<{ id: string }>(`/documents/${note.id}/rounds`, {
      method: 'POST',
      body: { version: 1, question: 'Adoptons-nous la note retirée ?', closesAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    const headBefore = await secretariatApi.request<{ length: number }>('/decisions/head');

    const fdss = await app.signedIn('fdss@demo.coupole.be');
    await fdss.goto(`/documents/${note.id}/tours/${round.id}`);
    await fdss.getByRole('radio', { name: /avec réserves/ }).check();
    const reason = 'Le § 2 doit citer le décret du 28 avril 2016, pas celui de 2018.';
    await fdss.getByLabel('Motif').fill(reason);

    await secretariatApi.request(`/rounds/${round.id}/cancel`, { method: 'POST' });
    await fdss.getByRole('alert').filter({ hasText: 'Ce tour vient d’être annulé : votre position n’a pas été enregistrée.' }).waitFor();
    expect(await fdss.getByLabel('Motif').inputValue()).toBe(reason);
    expect(await fdss.getByRole('button', { name: 'Enregistrer la position' }).isDisabled()).toBe(true);
    await fdss.getByRole('region', { name: 'Annulé' }).waitFor();
    expect(await fdss.getByRole('link', { name: /Voir la décision/ }).count()).toBe(0);
    await screenshot(fdss, 'rounds-cancelled-while-writing');
    expect(await secretariatApi.request<{ length: number }>('/decisions/head')).toMatchObject({ length: headBefore.length });
  });

  it('shows what a carried objection concerns, as worded in the round where it was raised', async () => {
    const note = await createDocument(secretariatApi, { title: 'Note sur deux tours', kind: 'note_technique', markdown: NOTE });
    await secretariatApi.request(`/documents/${note.id}/versions`, { method: 'POST', body: {} });
    const closesAt = () => new Date(Date.now() + 86_400_000).toISOString();
    const round1 = await secretariatApi.request<{ id: string; paragraphs: { id: string }[] }>(`/documents/${note.id}/rounds`, {
      method: 'POST',
      body: { version: 1, question: 'Premier tour ?', closesAt: closesAt() },
    });
    const codefApi = await apiAs(app.server, 'codef@demo.coupole.be');
    await codefApi.request(`/rounds/${round1.id}/position`, {
      method: 'PUT',
      body: { stance: 'object', reason: 'Il faut chiffrer.', paragraphs: [round1.paragraphs[2].id], noAmendmentPossible: true },
    });
    await secretariatApi.request(`/rounds/${round1.id}/close`, { method: 'POST', body: {} });
    const round2 = await secretariatApi.request<{ id: string }>(`/documents/${note.id}/rounds`, {
      method: 'POST',
      body: { version: 1, question: 'Second tour ?', closesAt: closesAt() },
    });

    const page = await app.signedIn('aleap@demo.coupole.be');
    await page.goto(`/documents/${note.id}/tours/${round2.id}`);
    const objection = page.getByRole('region', { name: 'Objections' }).locator('.objection').filter({ hasText: 'CODEF' });
    await objection.getByText('Porte sur, dans le texte du tour n° 1 :').waitFor();
    await objection.getByText('§ 3', { exact: true }).waitFor();
    await objection.getByText('Les ILI demandent des moyens stables et pluriannuels.').waitFor();
  });

  it('puts the position form after the text it is about on a phone, in reading and tab order', async () => {
    const note = await createDocument(secretariatApi, { title: 'Note lue avant de répondre', kind: 'note_technique', markdown: NOTE });
    await secretariatApi.request(`/documents/${note.id}/versions`, { method: 'POST', body: {} });
    const round = await secretariatApi.request<{ id: string }>(`/documents/${note.id}/rounds`, {
      method: 'POST',
      body: { version: 1, question: 'La note peut-elle partir ?', closesAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), rule: 'consensus' },
    });
    const page = await app.signedIn('caips@demo.coupole.be', PHONE_VIEWPORT);
    await page.goto(`/documents/${note.id}/tours/${round.id}`);
    const text = page.getByRole('heading', { name: 'Texte soumis — version 1' });
    const form = page.getByRole('heading', { name: 'Position de CAIPS' });
    await form.waitFor();
    expect((await text.boundingBox())!.y).toBeLessThan((await form.boundingBox())!.y);
    // The DOM says the same, so keyboard and screen-reader users meet the text first too.
    expect(await text.evaluate((heading, other) => Boolean(heading.compareDocumentPosition(other!) & Node.DOCUMENT_POSITION_FOLLOWING), await form.elementHandle())).toBe(true);
    await screenshot(page, 'rounds-phone-text-then-form');
  });

  it('lays the round page, the register and a decision out on a phone', async () => {
    const register = await secretariatApi.request<{ items: { seq: number; documentId: string; roundId: string }[] }>('/decisions');
    expect(register.items.length).toBeGreaterThan(0);
    const decision = register.items[0];
    const page = await app.signedIn('caips@demo.coupole.be', PHONE_VIEWPORT);

    await page.goto(`/documents/${decision.documentId}/tours/${decision.roundId}`);
    await page.locator('.position-card').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'rounds-phone-round');
    await screenshot(page, 'rounds-phone-round-top', { fullPage: false });

    await page.goto('/decisions');
    await page.locator('.decision-item').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'rounds-phone-register');

    await page.goto(`/decisions/${decision.seq}`);
    await page.getByRole('heading', { name: 'Intégrité' }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'rounds-phone-decision');

    await page.getByRole('button', { name: /^Notifications/ }).click();
    await page.getByRole('region', { name: 'Notifications' }).waitFor();
    await screenshot(page, 'rounds-phone-notifications', { fullPage: false });
  });
});
