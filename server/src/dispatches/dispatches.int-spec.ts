import { addDays, brusselsDate, type DispatchDto, type ListResponse, type LoginResponse } from '@coupole/shared';
import { startTestApp, TestApp } from '../test/test-app';

type Who = 'facilitator' | 'aleap' | 'observer';
const FEDERATIONS = ['aleap', 'caips', 'codef', 'fdss', 'risome'];

describe('dispatches of adopted texts (integration)', () => {
  let sut: TestApp;
  const logins = {} as Record<Who, LoginResponse>;
  const bearer = (who: Who) => ({ Authorization: `Bearer ${logins[who].accessToken}` });
  let letterId: string;

  /** Creates a document and, if asked, adopts it through a consensus round where all five agree. */
  async function documentOf(kind: string, adopt: boolean): Promise<string> {
    const created = await sut.http().post('/api/documents').set(bearer('facilitator')).send({ title: `Texte ${kind}`, kind, markdown: 'Madame la Ministre,\n\nTexte.' });
    const id = created.body.id as string;
    if (!adopt) return id;
    await sut.http().post(`/api/documents/${id}/versions`).set(bearer('facilitator')).send({});
    const round = await sut
      .http()
      .post(`/api/documents/${id}/rounds`)
      .set(bearer('facilitator'))
      .send({ version: 1, question: 'Envoyons-nous ce texte ?', closesAt: new Date(Date.now() + 48 * 3600_000).toISOString(), rule: 'consensus', autoClose: true });
    for (const slug of FEDERATIONS) {
      const login = await sut.login(`${slug}@demo.coupole.be`);
      await sut.http().put(`/api/rounds/${round.body.id}/position`).set({ Authorization: `Bearer ${login.accessToken}` }).send({ stance: 'agree' });
    }
    const document = await sut.http().get(`/api/documents/${id}`).set(bearer('facilitator'));
    expect(document.body.status).toBe('adopted');
    return id;
  }

  beforeAll(async () => {
    sut = await startTestApp();
    logins.facilitator = await sut.login('secretariat@demo.coupole.be');
    logins.aleap = await sut.login('aleap@demo.coupole.be');
    logins.observer = await sut.login('observateur@demo.coupole.be');
    letterId = await documentOf('courrier', true);
  });

  afterAll(() => sut?.close());

  it('refuses a dispatch (409) before adoption and for kinds that are not sent out', async () => {
    const draft = await documentOf('courrier', false);
    const early = await sut.http().post(`/api/documents/${draft}/dispatches`).set(bearer('facilitator')).send({ recipient: 'Cabinet' });
    expect(early.status).toBe(409);
    expect(early.body.message).toBe('The document must be adopted before it is dispatched');
    const note = await documentOf('note_technique', false);
    const wrongKind = await sut.http().post(`/api/documents/${note}/dispatches`).set(bearer('facilitator')).send({ recipient: 'Cabinet' });
    expect(wrongKind.status).toBe(409);
    expect(wrongKind.body.message).toBe('Only courrier, question_parlementaire, memorandum documents are dispatched');
  });

  it("keeps the answer's PDF: the secretariat attaches and replaces it, members download it, observers and other files are refused", async () => {
    const created = await sut.http().post(`/api/documents/${letterId}/dispatches`).set(bearer('facilitator')).send({ recipient: 'Cabinet' });
    const id = created.body.id as string;
    expect(created.body.answerFile).toBeNull();
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const attach = (who: Who, content: Buffer, name: string) =>
      sut.http().post(`/api/dispatches/${id}/answer-file`).set(bearer(who)).attach('file', content, { filename: name, contentType: 'application/pdf' });

    const byRepresentative = await attach('aleap', pdf, 'Réponse.pdf');
    expect(byRepresentative.status).toBe(403);
    const notPdf = await attach('facilitator', Buffer.from('<html><script>alert(1)</script></html>'), 'faux.pdf');
    expect(notPdf.status).toBe(400);
    expect(notPdf.body.message.join(' ')).toContain('file is not a PDF');
    const missing = await sut.http().post(`/api/dispatches/${id}/answer-file`).set(bearer('facilitator')).field('other', 'x');
    expect(missing.status).toBe(400);
    expect(missing.body.message.join(' ')).toContain('file');
    const tooBig = await attach('facilitator', Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]), 'gros.pdf');
    expect(tooBig.status).toBe(413);

    const attached = await attach('facilitator', pdf, 'Réponse du Ministre.pdf');
    expect(attached.status).toBe(201);
    expect(attached.body.answerFile).toEqual({ fileName: 'Réponse du Ministre.pdf', size: pdf.length });
    const listed = await sut.http().get(`/api/documents/${letterId}/dispatches`).set(bearer('aleap'));
    expect(listed.body.items.find((dispatch: DispatchDto) => dispatch.id === id).answerFile).toEqual({ fileName: 'Réponse du Ministre.pdf', size: pdf.length });

    const download = await sut.http().get(`/api/dispatches/${id}/answer-file`).set(bearer('aleap')).buffer(true);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain('attachment;');
    expect(Buffer.from(download.body as Buffer).equals(pdf)).toBe(true);
    expect((await sut.http().get(`/api/dispatches/${id}/answer-file`).set(bearer('observer'))).status).toBe(403);

    const replaced = await attach('facilitator', Buffer.concat([pdf, Buffer.from('% v2\n')]), 'v2.pdf');
    expect(replaced.body.answerFile).toEqual({ fileName: 'v2.pdf', size: pdf.length + 5 });
    const removed = await sut.http().delete(`/api/dispatches/${id}/answer-file`).set(bearer('facilitator'));
    expect(removed.status).toBe(200);
    expect(removed.body.answerFile).toBeNull();
    expect((await sut.http().get(`/api/dispatches/${id}/answer-file`).set(bearer('aleap'))).status).toBe(404);
  });

  it('follows a letter from to_send to sent to answered', async () => {
    const created = await sut.http().post(`/api/documents/${letterId}/dispatches`).set(bearer('facilitator')).send({ recipient: 'Cabinet du Ministre de l’Action sociale' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'to_send', sentAt: null, overdueAfterDays: 30, overdue: false, documentKind: 'courrier' });

    const skipped = await sut.http().patch(`/api/dispatches/${created.body.id}`).set(bearer('facilitator')).send({ status: 'answered' });
    expect(skipped.status).toBe(409);
    expect(skipped.body.message).toBe('status cannot go from to_send to answered');

    const sentAt = addDays(brusselsDate(), -40);
    const sent = await sut.http().patch(`/api/dispatches/${created.body.id}`).set(bearer('facilitator')).send({ status: 'sent', sentAt });
    expect(sent.body).toMatchObject({ status: 'sent', sentAt, dueDate: addDays(sentAt, 30), overdue: true });

    const open = (await sut.http().get('/api/dispatches?open=true').set(bearer('aleap'))).body as ListResponse<DispatchDto>;
    expect(open.items.find((item) => item.id === created.body.id)).toMatchObject({ overdue: true, documentTitle: 'Texte courrier' });
    const overdue = (await sut.http().get('/api/dispatches?overdue=true').set(bearer('aleap'))).body as ListResponse<DispatchDto>;
    expect(overdue.items.every((item) => item.overdue)).toBe(true);

    const early = await sut.http().patch(`/api/dispatches/${created.body.id}`).set(bearer('facilitator')).send({ status: 'answered', answeredAt: addDays(sentAt, -1) });
    expect(early.status).toBe(400);
    expect(early.body.message).toEqual(['answeredAt must not be before sentAt']);
    const future = await sut.http().patch(`/api/dispatches/${created.body.id}`).set(bearer('facilitator')).send({ status: 'answered', answeredAt: '2999-01-01' });
    expect(future.body.message).toEqual(['answeredAt must not be in the future']);

    const answered = await sut
      .http()
      .patch(`/api/dispatches/${created.body.id}`)
      .set(bearer('facilitator'))
      .send({ status: 'answered', answer: 'Le cabinet propose une rencontre.' });
    expect(answered.body).toMatchObject({ status: 'answered', answeredAt: brusselsDate(), answer: 'Le cabinet propose une rencontre.', overdue: false });
    const stillOpen = (await sut.http().get('/api/dispatches?open=true').set(bearer('aleap'))).body as ListResponse<DispatchDto>;
    expect(stillOpen.items.map((item) => item.id)).not.toContain(created.body.id);
  });

  it('honours a chosen delay and names bad fields', async () => {
    const bad = await sut.http().post(`/api/documents/${letterId}/dispatches`).set(bearer('facilitator')).send({ recipient: '', overdueAfterDays: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(expect.arrayContaining([expect.stringContaining('recipient'), expect.stringContaining('overdueAfterDays')]));
    const created = await sut.http().post(`/api/documents/${letterId}/dispatches`).set(bearer('facilitator')).send({ recipient: 'Commission', overdueAfterDays: 7 });
    const sent = await sut.http().patch(`/api/dispatches/${created.body.id}`).set(bearer('facilitator')).send({ status: 'sent', sentAt: addDays(brusselsDate(), -8) });
    expect(sent.body).toMatchObject({ overdueAfterDays: 7, overdue: true });
    const badDate = await sut.http().patch(`/api/dispatches/${created.body.id}`).set(bearer('facilitator')).send({ sentAt: 'hier' });
    expect(badDate.body.message).toEqual(['sentAt must be a date (YYYY-MM-DD)']);
  });

  it('is read by members, written by the secretariat, hidden from observers', async () => {
    expect((await sut.http().get(`/api/documents/${letterId}/dispatches`).set(bearer('aleap'))).status).toBe(200);
    expect((await sut.http().post(`/api/documents/${letterId}/dispatches`).set(bearer('aleap')).send({ recipient: 'X' })).status).toBe(403);
    expect((await sut.http().get('/api/dispatches').set(bearer('observer'))).status).toBe(403);
  });

  it('seeds the adopted demo memorandum with an overdue, an answered and a pending dispatch', async () => {
    const all = (await sut.http().get('/api/dispatches').set(bearer('facilitator'))).body as ListResponse<DispatchDto>;
    const memorandum = all.items.filter((item) => item.documentKind === 'memorandum');
    expect(memorandum.map((item) => [item.status, item.overdue]).sort()).toEqual([
      ['answered', false],
      ['sent', true],
      ['to_send', false],
    ]);
  });
});
