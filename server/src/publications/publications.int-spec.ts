import type { LoginResponse, PublicPositionDto, PublicPositionListDto } from '@coupole/shared';
import { createHash } from 'node:crypto';
import { SaxesParser } from 'saxes';
import { DataSource } from 'typeorm';
import { ExportsService } from '../exports/exports.service';
import type { ExportContent } from '../exports/export-content';
import { binaryBody, pdfText } from '../test/binary-body';
import { registeredApiRoutes } from '../test/registered-routes';
import { startTestApp, TestApp } from '../test/test-app';
import { withPageMeta } from './open-graph';
import { PublicSiteService } from './public-site.service';

const FEDERATIONS = ['aleap', 'caips', 'codef', 'fdss', 'risome'] as const;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const MARKUP_TITLE = '<script>alert("titre")</script> Mémorandum & <b>accueil</b>';
const INDEX_HTML = '<!doctype html><html><head><meta name="description" content="Coupole"><title>Coupole</title></head><body></body></html>';

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlElement[];
}

/** A strict XML 1.0 parse (saxes throws on any well-formedness error) into a small tree. */
function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlElement = { name: '#document', attributes: {}, text: '', children: [] };
  const stack = [root];
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attributes: tag.attributes as Record<string, string>, text: '', children: [] };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  });
  parser.on('text', (text) => {
    stack.at(-1)!.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(xml).close();
  return root.children[0];
}

const child = (element: XmlElement, name: string) => element.children.find((candidate) => candidate.name === name);
const children = (element: XmlElement, name: string) => element.children.filter((candidate) => candidate.name === name);
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

describe('publications and the public site (integration)', () => {
  let sut: TestApp;
  const logins = {} as Record<'secretariat' | 'admin' | 'aleap' | 'observer', LoginResponse>;
  const bearer = (who: keyof typeof logins) => ({ Authorization: `Bearer ${logins[who].accessToken}` });
  const representatives = {} as Record<(typeof FEDERATIONS)[number], LoginResponse>;

  async function createDocument(title: string, markdown: string): Promise<string> {
    const created = await sut.http().post('/api/documents').set(bearer('secretariat')).send({ title, kind: 'memorandum', markdown });
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  /** Adopts the document through a consensus round: CAIPS with a reservation, FdSS abstaining, the others agreeing. */
  async function adopt(id: string, reservation: string): Promise<void> {
    await sut.http().post(`/api/documents/${id}/versions`).set(bearer('secretariat')).send({});
    const round = await sut
      .http()
      .post(`/api/documents/${id}/rounds`)
      .set(bearer('secretariat'))
      .send({ version: 1, question: 'Adoptons-nous ce texte ?', closesAt: new Date(Date.now() + 48 * 3600_000).toISOString(), rule: 'consensus', autoClose: true });
    expect(round.status).toBe(201);
    for (const slug of FEDERATIONS) {
      const body = slug === 'caips' ? { stance: 'reservations', reason: reservation } : slug === 'fdss' ? { stance: 'stand_aside', reason: 'Raison interne de FdSS' } : { stance: 'agree' };
      const cast = await sut.http().put(`/api/rounds/${round.body.id}/position`).set({ Authorization: `Bearer ${representatives[slug].accessToken}` }).send(body);
      expect(cast.status).toBe(200);
    }
    const document = await sut.http().get(`/api/documents/${id}`).set(bearer('secretariat'));
    expect(document.body.status).toBe('adopted');
  }

  const publish = (id: string, who: keyof typeof logins = 'secretariat') => sut.http().post(`/api/documents/${id}/publish`).set(bearer(who));
  const unpublish = (id: string, who: keyof typeof logins = 'secretariat') => sut.http().post(`/api/documents/${id}/unpublish`).set(bearer(who));

  let publishedId: string;
  let publishedSlug: string;
  let adoptedOnlyId: string;
  let withdrawnSlug: string;
  let draftId: string;
  let publicInfoId: string;

  beforeAll(async () => {
    sut = await startTestApp();
    logins.secretariat = await sut.login('secretariat@demo.coupole.be');
    logins.admin = await sut.login('admin@demo.coupole.be');
    logins.aleap = await sut.login('aleap@demo.coupole.be');
    logins.observer = await sut.login('observateur@demo.coupole.be');
    for (const slug of FEDERATIONS) representatives[slug] = await sut.login(`${slug}@demo.coupole.be`);

    publishedId = await createDocument(MARKUP_TITLE, '# Accueil des primo-arrivants\n\nLe texte **adopté** <img src=x onerror=alert(1)> et [un lien](javascript:alert(1)).\n');
    await adopt(publishedId, 'Réserve publiée <i>sur le financement</i>');
    adoptedOnlyId = await createDocument('ADOPTE-NON-PUBLIE titre', 'TEXTE-ADOPTE-NON-PUBLIE\n');
    await adopt(adoptedOnlyId, 'RESERVE-NON-PUBLIEE');
    const withdrawnId = await createDocument('Position retirée ensuite', 'TEXTE-RETIRE-SECRET\n');
    await adopt(withdrawnId, 'RESERVE-RETIREE-SECRETE');
    withdrawnSlug = (await publish(withdrawnId)).body.slug;
    expect((await unpublish(withdrawnId)).status).toBe(200);
    draftId = await createDocument('BROUILLON-SECRET titre', 'TEXTE-BROUILLON-SECRET\n');

    const members = await sut.http().post('/api/infos').set(bearer('aleap')).send({ title: 'INFO-MEMBRES-SECRETE', body: 'CORPS-INFO-MEMBRES', topics: ['sociale'] });
    expect(members.status).toBe(201);
    await sut.http().post(`/api/infos/${members.body.id}/attachment`).set(bearer('aleap')).attach('file', PDF, 'membres-secret.pdf');
    const shared = await sut
      .http()
      .post('/api/infos')
      .set(bearer('aleap'))
      .send({ title: 'Info <script>alert(1)</script> publique', body: 'Appel à projets **ouvert** <iframe src="x"></iframe>', topics: ['financiere'], sourceUrl: 'https://www.wallonie.be/appel' });
    publicInfoId = shared.body.id;
    // The author makes it public (DESIGN §8: "the author of an info makes it public").
    const madePublic = await sut.http().patch(`/api/infos/${publicInfoId}`).set(bearer('aleap')).send({ visibility: 'public' });
    expect(madePublic.body.visibility).toBe('public');
    await sut.http().post(`/api/infos/${publicInfoId}/attachment`).set(bearer('aleap')).attach('file', PDF, 'appel.pdf');
  });

  afterAll(() => sut?.close());

  describe('publishing', () => {
    it('lets only the secretariat publish (403 for a representative or an observer)', async () => {
      expect((await publish(publishedId, 'aleap')).status).toBe(403);
      expect((await publish(publishedId, 'observer')).status).toBe(403);
      expect((await unpublish(publishedId, 'aleap')).status).toBe(403);
    });

    it('refuses a document that is not adopted with 409 document_not_adopted', async () => {
      const response = await publish(draftId);
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('document_not_adopted');
      const state = await sut.http().get(`/api/documents/${draftId}/publication`).set(bearer('secretariat'));
      expect(state.body).toEqual({ documentId: draftId, slug: null, published: false, publishedAt: null, withdrawnAt: null });
    });

    it('publishes an adopted document at its slug, once', async () => {
      const first = await publish(publishedId);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ documentId: publishedId, published: true, withdrawnAt: null });
      publishedSlug = first.body.slug;
      expect(publishedSlug).toMatch(/^script-alert-titre-script-memorandum-b-accueil-b-[0-9a-f]{8}$/);
      const again = await publish(publishedId, 'admin');
      expect(again.body).toEqual(first.body);
      const timeline = await sut.http().get(`/api/documents/${publishedId}/timeline`).set(bearer('aleap'));
      expect(timeline.body.items.filter((event: { type: string }) => event.type === 'document.published')).toHaveLength(1);
    });

    it('answers 409 not_published when withdrawing a text that is not on the site', async () => {
      const response = await unpublish(adoptedOnlyId);
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('not_published');
    });
  });

  describe('public API', () => {
    it('serves the published position: adopted text and hash, stances and published reservations only', async () => {
      const list = await sut.http().get('/api/public/positions');
      expect(list.status).toBe(200);
      const body = list.body as PublicPositionListDto;
      // The demo seed publishes its adopted memorandum too; the unpublished and withdrawn ones are absent.
      expect(body.items.map((item) => item.slug)).toContain(publishedSlug);
      expect(body.items.map((item) => item.slug)).not.toContain(withdrawnSlug);
      expect(body.items.every((item) => item.withdrawnAt === null)).toBe(true);
      expect(body.items.map((item) => item.title).filter((title) => !title.startsWith('Mémorandum 2026'))).toEqual([MARKUP_TITLE]);
      const head = await sut.http().get('/api/decisions/head');
      expect(body.register).toEqual(head.body);

      const response = await sut.http().get(`/api/public/positions/${publishedSlug}`);
      const position = response.body as PublicPositionDto;
      const version = await sut.http().get(`/api/documents/${publishedId}/versions/1`).set(bearer('secretariat'));
      expect(position).toMatchObject({ title: MARKUP_TITLE, kind: 'memorandum', withdrawnAt: null, versionNumber: 1, markdown: version.body.markdown });
      expect(position.contentHash).toBe(createHash('sha256').update(position.markdown!, 'utf8').digest('hex'));
      expect(position.contentHash).toBe(version.body.contentHash);
      expect(position.stances).toEqual([
        { federation: 'aleap', federationName: 'ALEAP', stance: 'agree', reservation: null },
        { federation: 'caips', federationName: 'CAIPS', stance: 'reservations', reservation: 'Réserve publiée <i>sur le financement</i>' },
        { federation: 'codef', federationName: 'CODEF', stance: 'agree', reservation: null },
        { federation: 'fdss', federationName: 'FdSS', stance: 'stand_aside', reservation: null },
        { federation: 'risome', federationName: 'Risome', stance: 'agree', reservation: null },
      ]);
      const decision = await sut.http().get(`/api/decisions/${position.decisionSeq}`).set(bearer('secretariat'));
      expect(decision.body.hash).toBe(position.decisionHash);
    });

    it('keeps a withdrawn position as a page saying when, with no text (200, withdrawnAt) and a 410 PDF', async () => {
      const page = await sut.http().get(`/api/public/positions/${withdrawnSlug}`);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ slug: withdrawnSlug, title: 'Position retirée ensuite', markdown: null, contentHash: null, stances: [] });
      expect(Date.parse(page.body.withdrawnAt)).not.toBeNaN();
      expect((await sut.http().get(`/api/public/positions/${withdrawnSlug}/pdf`)).status).toBe(410);
      expect((await sut.http().get('/api/public/positions/nulle-part-00000000')).status).toBe(404);
      expect((await sut.http().get('/api/public/positions/Pas%20un%20slug')).status).toBe(400);
    });

    it('lists public infos only, with their federation and never their author', async () => {
      const response = await sut.http().get('/api/public/infos');
      expect(response.body.items).toEqual([
        expect.objectContaining({ id: publicInfoId, federation: 'aleap', hasAttachment: true, topics: ['financiere'], sourceUrl: 'https://www.wallonie.be/appel' }),
      ]);
      expect(response.body.items[0]).not.toHaveProperty('author');
      const attachment = await sut.http().get(`/api/public/infos/${publicInfoId}/attachment`).buffer(true).parse(binaryBody);
      expect(attachment.status).toBe(200);
      expect(attachment.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });

    it('renders the position as PDF with the exports module, its text, hash and stances', async () => {
      const response = await sut.http().get(`/api/public/positions/${publishedSlug}/pdf`).buffer(true).parse(binaryBody);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const pdf = response.body as Buffer;
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = pdfText(pdf);
      if (text !== null) {
        const flat = text.replace(/\s+/g, ' ');
        // Markup is printed as the characters typed, never interpreted.
        expect(flat).toContain('<script>alert("titre")</script> Mémorandum & <b>accueil</b>');
        expect(flat).toContain('CAIPS : D’accord avec réserves — Réserve publiée <i>sur le financement</i>');
        expect(flat).toContain('FdSS : S’abstient');
        const position = await sut.http().get(`/api/public/positions/${publishedSlug}`);
        expect(flat).toContain(position.body.contentHash.slice(0, 32));
      }
    });

    it('answers with a strong ETag and Cache-Control, and 304 to If-None-Match, on every public route', async () => {
      const paths = [
        '/api/public/positions',
        `/api/public/positions/${publishedSlug}`,
        `/api/public/positions/${publishedSlug}/pdf`,
        '/api/public/infos',
        `/api/public/infos/${publicInfoId}/attachment`,
        '/api/public/feed.atom',
      ];
      // supertest listens on a new port per request: one Host, so the feed's links stay the same.
      const get = (path: string) => sut.http().get(path).set('Host', 'coupole.test');
      for (const path of paths) {
        const first = await get(path);
        expect({ path, status: first.status }).toEqual({ path, status: 200 });
        const etag = first.headers.etag as string;
        expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
        expect(first.headers['cache-control']).toBe('public, max-age=0, s-maxage=60, must-revalidate');
        const again = await get(path).set('If-None-Match', etag);
        expect({ path, status: again.status, etag: again.headers.etag }).toEqual({ path, status: 304, etag });
        expect((await get(path).set('If-None-Match', `W/"autre", ${etag}`)).status).toBe(304);
        expect((await get(path).set('If-None-Match', '"autre"')).status).toBe(200);
      }
    });

    it('changes the ETag when what is published changes', async () => {
      const before = (await sut.http().get('/api/public/positions')).headers.etag;
      const info = await sut.http().post('/api/infos').set(bearer('secretariat')).send({ title: 'Seconde info publique', body: 'Texte.', topics: ['politique'], visibility: 'public' });
      const after = await sut.http().get('/api/public/infos').set('If-None-Match', before);
      expect(after.status).toBe(200);
      expect(after.body.items.map((item: { id: string }) => item.id)).toContain(info.body.id);
      expect(info.body.federation).toBeNull();
      await sut.http().delete(`/api/infos/${info.body.id}`).set(bearer('secretariat'));
    });
  });

  describe('Atom feed', () => {
    it('is well-formed Atom 1.0 with ids, updated, links and La Coupole as author', async () => {
      const response = await sut.http().get('/api/public/feed.atom');
      expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      const xml = response.text;
      const feed = parseXml(xml);
      expect(feed.name).toBe('feed');
      expect(feed.attributes.xmlns).toBe('http://www.w3.org/2005/Atom');
      for (const name of ['id', 'title', 'updated', 'author']) expect(child(feed, name)).toBeDefined();
      expect(child(feed, 'updated')!.text).toMatch(RFC3339);
      expect(child(child(feed, 'author')!, 'name')!.text).toBe('La Coupole');
      const self = children(feed, 'link').find((link) => link.attributes.rel === 'self');
      expect(self?.attributes.href).toMatch(/^http:\/\/127\.0\.0\.1(:\d+)?\/api\/public\/feed\.atom$/);

      const entries = children(feed, 'entry');
      // Ours, and the memorandum the demo seed publishes.
      expect(entries).toHaveLength(3);
      const ids = entries.map((entry) => child(entry, 'id')!.text);
      expect(new Set(ids).size).toBe(ids.length);
      for (const entry of entries) {
        expect(child(entry, 'id')!.text).toMatch(/^tag:lacoupole\.be,2024:(position|info):[0-9a-f-]{36}$/);
        expect(child(entry, 'title')!.text.length).toBeGreaterThan(0);
        expect(child(entry, 'updated')!.text).toMatch(RFC3339);
        const alternate = children(entry, 'link').find((link) => link.attributes.rel === 'alternate');
        expect(alternate?.attributes.href).toMatch(/^http:\/\/127\.0\.0\.1(:\d+)?\/public/);
      }
      // The feed's `updated` is its newest entry's.
      const newest = entries.map((entry) => child(entry, 'updated')!.text).sort().at(-1);
      expect(child(feed, 'updated')!.text).toBe(newest);
    });

    it('keeps markup in titles and bodies as text: the parsed title is the typed characters, no element is injected', async () => {
      const xml = (await sut.http().get('/api/public/feed.atom')).text;
      const feed = parseXml(xml);
      const titles = children(feed, 'entry').map((entry) => child(entry, 'title')!.text);
      expect(titles).toContain(MARKUP_TITLE);
      expect(titles).toContain('Info <script>alert(1)</script> publique');
      const names = new Set<string>();
      const walk = (element: XmlElement) => {
        names.add(element.name);
        element.children.forEach(walk);
      };
      walk(feed);
      expect([...names].sort()).toEqual(['author', 'category', 'content', 'entry', 'feed', 'generator', 'id', 'link', 'name', 'published', 'subtitle', 'summary', 'title', 'updated']);
      expect(xml).not.toMatch(/<(script|img|iframe|b|i)\b/);
    });
  });

  describe('Open Graph', () => {
    it('describes a published position and the withdrawn one, markup escaped', async () => {
      const site = sut.app.get(PublicSiteService);
      const meta = await site.pageMeta(`/${publishedSlug}`, 'https://coupole.example');
      expect(meta).toMatchObject({ title: MARKUP_TITLE, type: 'article', url: `https://coupole.example/public/${publishedSlug}` });
      const html = withPageMeta(INDEX_HTML, meta!);
      expect(html).toContain('<meta property="og:title" content="&lt;script&gt;alert(&quot;titre&quot;)&lt;/script&gt; Mémorandum &amp; &lt;b&gt;accueil&lt;/b&gt;">');
      expect(html).not.toContain('<script>');
      expect(html.match(/<meta name="description"/g)).toHaveLength(1);
      const withdrawn = await site.pageMeta(`/${withdrawnSlug}`, null);
      expect(withdrawn?.description).toMatch(/^Ce texte a été retiré du site public le \d{1,2}(er)? \S+ \d{4}\.$/);
      expect(withdrawn?.url).toBeNull();
      expect(await site.pageMeta('/inconnue-00000000', null)).toBeNull();
      expect(await site.pageMeta('/', null)).toMatchObject({ title: 'Positions publiques', type: 'website' });
    });
  });

  describe('nothing unpublished leaks', () => {
    it('walks every public route and finds no draft, members-only info, unpublished or withdrawn text, name or e-mail', async () => {
      const users = (await sut.app.get(DataSource).query('SELECT email, display_name FROM users')) as { email: string; display_name: string }[];
      const forbidden = [
        'BROUILLON-SECRET',
        'TEXTE-BROUILLON-SECRET',
        'ADOPTE-NON-PUBLIE',
        'RESERVE-NON-PUBLIEE',
        'TEXTE-RETIRE-SECRET',
        'RESERVE-RETIREE-SECRETE',
        'INFO-MEMBRES-SECRETE',
        'CORPS-INFO-MEMBRES',
        'membres-secret.pdf',
        'Raison interne de FdSS',
        'Adoptons-nous ce texte',
        '@demo.coupole.be',
        ...users.flatMap((user) => [user.email, user.display_name, ...user.display_name.split(' ').filter((word) => word.length > 3)]),
      ];
      const renders: ExportContent[] = [];
      const exportsService = sut.app.get(ExportsService);
      const render = exportsService.render.bind(exportsService);
      const spy = jest.spyOn(exportsService, 'render').mockImplementation((content, format) => {
        renders.push(content);
        return render(content, format);
      });
      const membersInfo = (await sut.http().get('/api/infos').set(bearer('aleap')).query({ q: 'INFO-MEMBRES-SECRETE' })).body.items[0].id as string;

      // Every registered public route, with each value its parameters can take here.
      const values: Record<string, string[]> = {
        ':slug': [publishedSlug, withdrawnSlug, 'adopte-non-publie-titre-' + adoptedOnlyId.slice(0, 8), 'brouillon-secret-titre-' + draftId.slice(0, 8)],
        ':id': [publicInfoId, membersInfo],
      };
      const routes = registeredApiRoutes(sut.app).filter((route) => route.startsWith('GET /api/public/'));
      expect(routes.sort()).toEqual([
        'GET /api/public/feed.atom',
        'GET /api/public/infos',
        'GET /api/public/infos/:id/attachment',
        'GET /api/public/positions',
        'GET /api/public/positions/:slug',
        'GET /api/public/positions/:slug/pdf',
      ]);
      const answers: { path: string; status: number; text: string }[] = [];
      try {
        for (const route of routes) {
          const pattern = route.slice('GET '.length);
          const parameter = Object.keys(values).find((name) => pattern.includes(name));
          const paths = parameter ? values[parameter].map((value) => pattern.replace(parameter, value)) : [pattern];
          for (const path of paths) {
            const response = await sut.http().get(path).buffer(true).parse(binaryBody);
            const bytes = response.body as Buffer;
            const isPdf = bytes.subarray(0, 5).toString('latin1') === '%PDF-';
            const text = isPdf ? (pdfText(bytes) ?? '') : bytes.toString('utf8');
            answers.push({ path, status: response.status, text: text + JSON.stringify(response.headers) });
          }
        }
      } finally {
        spy.mockRestore();
      }
      // The Open Graph pages of every slug too (the HTML the server writes for /public/:slug).
      const site = sut.app.get(PublicSiteService);
      for (const slug of values[':slug']) {
        const meta = await site.pageMeta(`/${slug}`, null);
        if (meta) answers.push({ path: `/public/${slug}`, status: 200, text: withPageMeta(INDEX_HTML, meta) });
      }
      answers.push({ path: '/public', status: 200, text: withPageMeta(INDEX_HTML, (await site.pageMeta('/', null))!) });

      expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThanOrEqual(8);
      expect(renders).toHaveLength(1);
      const leaks = answers.flatMap(({ path, text }) => forbidden.filter((secret) => text.includes(secret)).map((secret) => `${path}: ${secret}`));
      const renderedLeaks = renders.flatMap((content) => forbidden.filter((secret) => JSON.stringify(content).includes(secret)));
      expect([...leaks, ...renderedLeaks]).toEqual([]);
      // The walk did read the published texts (the test would pass vacuously otherwise).
      expect(answers.some(({ text }) => text.includes('Accueil des primo-arrivants'))).toBe(true);
      expect(answers.some(({ text }) => text.includes('Appel à projets'))).toBe(true);
    });
  });

  describe('rate limit', () => {
    it('answers 429 past the per-address limit of the public API', async () => {
      let status = 200;
      for (let index = 0; index < 130 && status !== 429; index += 1) {
        status = (await sut.http().get('/api/public/infos')).status;
      }
      expect(status).toBe(429);
      // Signing in is limited apart: the public API's requests do not count against it.
      expect((await sut.http().post('/api/auth/login').send({ email: 'aleap@demo.coupole.be', password: 'wrong' })).status).toBe(401);
    });
  });
});
