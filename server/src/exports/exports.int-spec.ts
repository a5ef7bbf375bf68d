import { pm, type LoginResponse } from '@coupole/shared';
import { strFromU8, unzipSync } from 'fflate';
import { DecisionsService } from '../decisions/decisions.service';
import { binaryBody, pdfText } from '../test/binary-body';
import { startTestApp, TestApp } from '../test/test-app';
import { COUPOLE_HEADING, frenchDate } from './export-content';

describe('exports (integration)', () => {
  let sut: TestApp;
  let facilitator: LoginResponse;
  let observer: LoginResponse;
  let documentId: string;

  const auth = (session: LoginResponse) => ({ Authorization: `Bearer ${session.accessToken}` });
  const exportOf = (query: string, session = facilitator) =>
    sut.http().get(`/api/documents/${documentId}/export?${query}`).set(auth(session)).buffer(true).parse(binaryBody);

  beforeAll(async () => {
    sut = await startTestApp();
    facilitator = await sut.login('secretariat@demo.coupole.be');
    observer = await sut.login('observateur@demo.coupole.be');
    const created = await sut
      .http()
      .post('/api/documents')
      .set(auth(facilitator))
      .send({
        title: 'Mémorandum 2026 : l’œuvre des ILI',
        kind: 'memorandum',
        markdown: '## Priorités\n\nRenforcer les **cours de français** et la *citoyenneté*.\n\n- Financement\n- Évaluation\n',
      });
    documentId = created.body.id;
    await sut.http().post(`/api/documents/${documentId}/versions`).set(auth(facilitator)).send({ label: 'Pour le tour' });
  });

  afterAll(() => sut?.close());

  it('exports the draft as Markdown with the Coupole heading, kind and date, as an attachment', async () => {
    const response = await exportOf('format=md');

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="memorandum-2026-l-oeuvre-des-ili-projet.md"; filename*=UTF-8''${encodeURIComponent('Mémorandum 2026 l’œuvre des ILI - projet.md')}`,
    );
    const text = (response.body as Buffer).toString('utf8');
    expect(text).toContain(COUPOLE_HEADING);
    expect(text).toContain('# Mémorandum 2026 : l’œuvre des ILI');
    expect(text).toContain(`Mémorandum — projet en cours au ${frenchDate(new Date())}`);
    expect(text).toContain('Renforcer les **cours de français** et la *citoyenneté*.');
  });

  it('exports a version with its number and content hash', async () => {
    const version = await sut.http().get(`/api/documents/${documentId}/versions/1`).set(auth(facilitator));

    const text = ((await exportOf('format=md&version=1')).body as Buffer).toString('utf8');

    expect(text).toContain('version 1 « Pour le tour »');
    expect(text).toContain(`Empreinte SHA-256 : ${version.body.contentHash}`);
  });

  it('exports a DOCX (a zip whose document.xml holds the title and the body)', async () => {
    const response = await exportOf('format=docx&version=1');

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers['content-disposition']).toContain('filename="memorandum-2026-l-oeuvre-des-ili-v1.docx"');
    const xml = strFromU8(unzipSync(new Uint8Array(response.body as Buffer))['word/document.xml']);
    expect(xml).toContain('Mémorandum 2026 : l’œuvre des ILI');
    expect(xml).toContain('cours de français');
    expect(xml).toContain('Évaluation');
  });

  it('exports a PDF whose text has the accented title', async () => {
    const response = await exportOf('format=pdf');

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    if (text !== null) {
      expect(text).toContain('Mémorandum 2026 : l’œuvre des ILI');
      expect(text).toContain('Renforcer les cours de français et la citoyenneté.');
    }
  });

  it("appends the decisions module's annex sections", async () => {
    jest
      .spyOn(sut.app.get(DecisionsService), 'annexFor')
      .mockImplementation(async (_documentId, versionNumber) =>
        versionNumber === 1 ? [{ title: 'Relevé de décision', doc: pm.doc(pm.paragraph('Adopté par ', pm.bold('consensus'), '.')) }] : [],
      );

    const withAnnex = ((await exportOf('format=md&version=1')).body as Buffer).toString('utf8');
    const draft = ((await exportOf('format=md')).body as Buffer).toString('utf8');

    expect(withAnnex).toContain('## Annexe — Relevé de décision\n\nAdopté par **consensus**.');
    expect(draft).not.toContain('Annexe');
  });

  it('answers 400 naming format or version, 404 for an unknown version or a document the caller may not read', async () => {
    const noFormat = await exportOf('');
    expect(noFormat.status).toBe(400);
    expect(JSON.parse((noFormat.body as Buffer).toString('utf8')).message.join(' ')).toContain('format');
    const badVersion = await exportOf('format=md&version=zero');
    expect(badVersion.status).toBe(400);
    expect(JSON.parse((badVersion.body as Buffer).toString('utf8')).message.join(' ')).toContain('version');
    expect((await exportOf('format=odt')).status).toBe(400);
    expect((await exportOf('format=md&version=5')).status).toBe(404);
    expect((await exportOf('format=md', observer)).status).toBe(404);
  });
});
