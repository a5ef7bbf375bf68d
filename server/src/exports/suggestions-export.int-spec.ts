import type { LoginResponse } from '@coupole/shared';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { binaryBody } from '../test/binary-body';
import { startTestApp, TestApp } from '../test/test-app';

interface Revision {
  kind: 'ins' | 'del';
  author: string;
  date: string;
  text: string;
}

/** Every paragraph's plain text (w:t) and every revision (w:ins / w:del with their w:t or w:delText), parsed from document.xml. */
function parseDocumentXml(xml: string): { paragraphs: string[]; revisions: Revision[] } {
  const parser = new SaxesParser({ xmlns: false });
  const paragraphs: string[] = [];
  const revisions: Revision[] = [];
  let paragraph: string | null = null;
  let revision: Revision | null = null;
  let inText = false;
  parser.on('opentag', (tag) => {
    if (tag.name === 'w:p') paragraph = '';
    if (tag.name === 'w:ins' || tag.name === 'w:del') {
      revision = { kind: tag.name === 'w:ins' ? 'ins' : 'del', author: String(tag.attributes['w:author']), date: String(tag.attributes['w:date']), text: '' };
    }
    if (tag.name === 'w:t' || tag.name === 'w:delText') inText = true;
  });
  parser.on('text', (text) => {
    if (!inText) return;
    if (revision) revision.text += text;
    else if (paragraph !== null) paragraph += text;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'w:t' || tag.name === 'w:delText') inText = false;
    if ((tag.name === 'w:ins' || tag.name === 'w:del') && revision) {
      revisions.push(revision);
      if (paragraph !== null) paragraph += revision.kind === 'ins' ? `[+${revision.text}]` : `[-${revision.text}]`;
      revision = null;
    }
    if (tag.name === 'w:p' && paragraph !== null) {
      paragraphs.push(paragraph);
      paragraph = null;
    }
  });
  parser.write(xml).close();
  return { paragraphs, revisions };
}

/** Word comments (word/comments.xml): author and text of each, in order. */
function parseCommentsXml(xml: string): Array<{ id: string; author: string; text: string }> {
  const parser = new SaxesParser({ xmlns: false });
  const comments: Array<{ id: string; author: string; text: string }> = [];
  let inText = false;
  parser.on('opentag', (tag) => {
    if (tag.name === 'w:comment') comments.push({ id: String(tag.attributes['w:id']), author: String(tag.attributes['w:author']), text: '' });
    if (tag.name === 'w:t') inText = true;
  });
  parser.on('text', (text) => {
    if (inText && comments.length > 0) comments[comments.length - 1].text += text;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'w:t') inText = false;
  });
  parser.write(xml).close();
  return comments;
}

describe('DOCX export with open suggestions as Word tracked changes (integration)', () => {
  let sut: TestApp;
  let facilitator: LoginResponse;
  let caips: LoginResponse;
  let fdss: LoginResponse;

  const auth = (session: LoginResponse) => ({ Authorization: `Bearer ${session.accessToken}` });

  beforeAll(async () => {
    sut = await startTestApp();
    facilitator = await sut.login('secretariat@demo.coupole.be');
    caips = await sut.login('caips@demo.coupole.be');
    fdss = await sut.login('fdss@demo.coupole.be');
  });

  afterAll(() => sut?.close());

  it('writes each open suggestion as w:del / w:ins with "Person (Fédération)" and its date, its thread as Word comments, and leaves decided ones out', async () => {
    const created = await sut
      .http()
      .post('/api/documents')
      .set(auth(facilitator))
      .send({ title: 'Note', kind: 'note_technique', markdown: 'Le **décret** de 2018 prévoit un parcours.\n\nLes ILI accompagnent les personnes.\n' });
    const documentId = created.body.id as string;
    const suggest = (session: LoginResponse, quote: string, replacement: string) =>
      sut.http().post(`/api/documents/${documentId}/suggestions`).set(auth(session)).send({ quote, replacement });
    const replace = await suggest(caips, '2018', '2025');
    const remove = await suggest(fdss, ' un parcours', '');
    const refused = await suggest(fdss, 'accompagnent', 'suivent');
    expect([replace.status, remove.status, refused.status]).toEqual([201, 201, 201]);
    expect((await sut.http().post(`/api/suggestions/${refused.body.id}/reject`).set(auth(facilitator))).status).toBe(200);
    const comment = (session: LoginResponse, body: string) => sut.http().post(`/api/suggestions/${replace.body.id}/comments`).set(auth(session)).send({ body });
    expect((await comment(fdss, 'Pourquoi 2025 ?')).status).toBe(201);
    expect((await comment(caips, 'Le décret a été révisé en 2025.')).status).toBe(201);

    const response = await sut
      .http()
      .get(`/api/documents/${documentId}/export?format=docx&suggestions=open`)
      .set(auth(fdss))
      .buffer(true)
      .parse(binaryBody);

    expect(response.status).toBe(200);
    const { paragraphs, revisions } = parseDocumentXml(strFromU8(unzipSync(new Uint8Array(response.body as Buffer))['word/document.xml']));
    expect(revisions).toEqual([
      { kind: 'del', author: 'Marc Vandenberghe (CAIPS)', date: replace.body.createdAt.replace(/\.\d+Z$/, 'Z'), text: '2018' },
      { kind: 'ins', author: 'Marc Vandenberghe (CAIPS)', date: expect.any(String), text: '2025' },
      { kind: 'del', author: 'Olivier Renard (FdSS)', date: expect.any(String), text: ' un parcours' },
    ]);
    expect(paragraphs).toContain('Le décret de [-2018][+2025] prévoit[- un parcours].');
    expect(paragraphs).toContain('Les ILI accompagnent les personnes.');
    // The card's thread as Word comments on the change: the first one, then its reply.
    const files = unzipSync(new Uint8Array(response.body as Buffer));
    expect(parseCommentsXml(strFromU8(files['word/comments.xml']))).toEqual([
      { id: '0', author: 'Olivier Renard (FdSS)', text: 'Pourquoi 2025 ?' },
      { id: '1', author: 'Marc Vandenberghe (CAIPS)', text: 'Le décret a été révisé en 2025.' },
    ]);
    const documentXml = strFromU8(files['word/document.xml']);
    expect(documentXml.match(/<w:commentRangeStart w:id="\d+"\/>/g)).toHaveLength(2);
    expect(documentXml.match(/<w:commentReference w:id="\d+"\/>/g)).toHaveLength(2);
    expect(strFromU8(files['word/commentsExtended.xml'])).toMatch(/w15:paraIdParent="[0-9A-F]{8}"/);
    // The stored text is untouched by the export.
    const plain = await sut.http().get(`/api/documents/${documentId}/export?format=md`).set(auth(fdss));
    expect(plain.text).toContain('Le **décret** de 2018 prévoit un parcours.');
  });

  it('answers 400 naming suggestions for another format or a version', async () => {
    const created = await sut.http().post('/api/documents').set(auth(facilitator)).send({ title: 'N', kind: 'note_technique', markdown: 'Texte.' });
    const pdf = await sut.http().get(`/api/documents/${created.body.id}/export?format=pdf&suggestions=open`).set(auth(caips));
    expect(pdf.status).toBe(400);
    expect(pdf.body.message.join(' ')).toMatch(/suggestions/);
    const bad = await sut.http().get(`/api/documents/${created.body.id}/export?format=docx&suggestions=all`).set(auth(caips));
    expect(bad.status).toBe(400);
    expect(bad.body.message.join(' ')).toMatch(/suggestions/);
  });

  it('writes a suggested new paragraph with its paragraph mark as w:ins, and a bold suggestion as w:rPrChange', async () => {
    const created = await sut
      .http()
      .post('/api/documents')
      .set(auth(facilitator))
      .send({ title: 'Note', kind: 'note_technique', markdown: 'Le décret de 2018 prévoit un parcours.\n\nLes ILI accompagnent les personnes.\n' });
    const documentId = created.body.id as string;
    const suggest = (body: object) => sut.http().post(`/api/documents/${documentId}/suggestions`).set(auth(fdss)).send(body);
    const paragraph = await suggest({ quote: 'un parcours.', replacement: 'un parcours.\n\nUn paragraphe ajouté.' });
    const bold = await suggest({ quote: 'accompagnent', format: { mark: 'bold', action: 'add' } });
    expect([paragraph.status, bold.status]).toEqual([201, 201]);

    const response = await sut.http().get(`/api/documents/${documentId}/export?format=docx&suggestions=open`).set(auth(caips)).buffer(true).parse(binaryBody);
    expect(response.status).toBe(200);
    const xml = strFromU8(unzipSync(new Uint8Array(response.body as Buffer))['word/document.xml']);
    const author = 'Olivier Renard \\(FdSS\\)';
    // The first paragraph's mark is inserted (rejecting it in Word joins the new paragraph back), then the new words.
    expect(xml).toMatch(new RegExp(`<w:p>(?:(?!</w:p>).)*<w:pPr>(?:(?!</w:pPr>).)*<w:rPr><w:ins [^>]*w:author="${author}"[^>]*/></w:rPr>(?:(?!</w:p>).)*un parcours\\.</w:t>`, 's'));
    expect(xml).toMatch(new RegExp(`<w:ins [^>]*w:author="${author}"[^>]*><w:r>(?:(?!</w:ins>).)*<w:t[^>]*>Un paragraphe ajouté\\.</w:t>`, 's'));
    // The bold word: bold now, its earlier look (not bold) in w:rPrChange by its author.
    expect(xml).toMatch(new RegExp(`<w:r><w:rPr><w:b/>(?:(?!</w:rPr>).)*<w:rPrChange [^>]*w:author="${author}"[^>]*>(?:(?!</w:r>).)*<w:t[^>]*>accompagnent</w:t>`, 's'));
    const { paragraphs } = parseDocumentXml(xml);
    expect(paragraphs.some((text) => text.includes('Les ILI accompagnent les personnes.'))).toBe(true);
  });
});
