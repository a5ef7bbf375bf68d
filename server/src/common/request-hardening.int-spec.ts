import { DOCUMENT_MARKDOWN_MAX_LENGTH, LIVE_NAMESPACE, type LoginResponse } from '@coupole/shared';
import { JwtService } from '@nestjs/jwt';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { startTestApp, TestApp } from '../test/test-app';
import { JSON_MAX_DEPTH } from './json-body';
import { CROSS_SITE_REFUSED } from './request-origin';

const NOTE = { title: 'Note sur les permanences', kind: 'note_technique' };

function nested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

describe('request hardening (integration)', () => {
  let sut: TestApp;
  let baseUrl: string;
  let host: string;
  let secretariat: LoginResponse;
  const sockets: Socket[] = [];

  const asSecretariat = (method: 'post' | 'patch' | 'put', path: string) =>
    sut.http()[method](path).set('authorization', `Bearer ${secretariat.accessToken}`);

  function handshake(headers: Record<string, string>): Promise<'connected' | string> {
    const socket = io(`${baseUrl}${LIVE_NAMESPACE}`, {
      transports: ['polling'],
      auth: { token: secretariat.accessToken },
      extraHeaders: headers,
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    return new Promise((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', (error) => resolve(error.message));
    });
  }

  beforeAll(async () => {
    sut = await startTestApp();
    await sut.app.listen(0, '127.0.0.1');
    const { port } = sut.app.getHttpServer().address() as AddressInfo;
    host = `127.0.0.1:${port}`;
    baseUrl = `http://${host}`;
    secretariat = await sut.login('secretariat@demo.coupole.be');
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await sut?.close();
  });

  describe('CSRF', () => {
    it('refuses a state-changing request whose Origin is another site, or another port of the same host', async () => {
      for (const origin of ['https://evil.example', 'http://127.0.0.1:9999', 'null']) {
        const response = await asSecretariat('post', '/api/documents').set('origin', origin).send(NOTE);

        expect(response.status).toBe(403);
        expect(response.body.message).toBe(CROSS_SITE_REFUSED);
      }
    });

    it('refuses a request the browser marks cross-site or same-site', async () => {
      for (const site of ['cross-site', 'same-site']) {
        const response = await asSecretariat('post', '/api/documents').set('sec-fetch-site', site).send(NOTE);

        expect(response.status).toBe(403);
      }
    });

    it('accepts the app’s own origin, and clients that name no origin (curl, API clients)', async () => {
      const own = await asSecretariat('post', '/api/documents').set('origin', baseUrl).set('sec-fetch-site', 'same-origin').send(NOTE);
      const bare = await asSecretariat('post', '/api/documents').send(NOTE);

      expect(own.status).toBe(201);
      expect(bare.status).toBe(201);
    });

    it('lets reads through whatever their origin (they change nothing)', async () => {
      const response = await sut.http().get('/api/health').set('origin', 'https://evil.example').set('sec-fetch-site', 'cross-site');

      expect(response.status).toBe(200);
    });

    it('refuses form-encoded and text bodies on JSON routes with 415', async () => {
      const form = await asSecretariat('post', '/api/documents').type('form').send('title=Piège&kind=note_technique');
      const text = await asSecretariat('post', '/api/documents').set('content-type', 'text/plain').send(JSON.stringify(NOTE));

      expect(form.status).toBe(415);
      expect(text.status).toBe(415);
    });

    it('still accepts multipart where a route takes a file', async () => {
      const response = await asSecretariat('post', '/api/documents/import')
        .field('kind', 'note_technique')
        .attach('file', Buffer.from('not a docx'), 'note.docx');

      expect(response.status).not.toBe(415);
      expect(response.status).toBeLessThan(500);
    });

    it('refuses a socket.io handshake from another origin, accepts the app’s own and a bare client', async () => {
      await expect(handshake({ origin: 'http://127.0.0.1:9999' })).resolves.not.toBe('connected');
      await expect(handshake({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).resolves.not.toBe('connected');
      await expect(handshake({ origin: baseUrl })).resolves.toBe('connected');
      await expect(handshake({})).resolves.toBe('connected');
    });
  });

  describe('bad input answers 4xx, never 500', () => {
    it('refuses deeply nested JSON with 400, before authentication and validation', async () => {
      const login = await sut.http().post('/api/auth/login').set('content-type', 'application/json').send(nested(100_000));
      const justPast = await sut.http().post('/api/auth/login').set('content-type', 'application/json').send(`{"email":${nested(JSON_MAX_DEPTH)}}`);

      expect(login.status).toBe(400);
      expect(login.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(justPast.status).toBe(400);
    });

    it('answers 400 for malformed JSON instead of 404', async () => {
      const response = await asSecretariat('post', '/api/documents').set('content-type', 'application/json').send('{"title": "Note",');

      expect(response.status).toBe(400);
      expect(response.body).toEqual({ statusCode: 400, message: ['body is not valid JSON'], error: 'Bad Request', code: 'bad_request' });
    });

    it('accepts a 500,000-character Markdown body and answers 413 past the body limit', async () => {
      const markdown = 'é'.repeat(DOCUMENT_MARKDOWN_MAX_LENGTH - 2) + '\n';
      const largest = await asSecretariat('post', '/api/documents').send({ ...NOTE, markdown });
      const tooLarge = await asSecretariat('post', '/api/documents')
        .set('content-type', 'application/json')
        .send(JSON.stringify({ ...NOTE, markdown: '\\u0001'.repeat(DOCUMENT_MARKDOWN_MAX_LENGTH) + 'x'.repeat(200_000) }));

      expect(largest.status).toBe(201);
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    });

    it('refuses NUL bytes and lone surrogates in titles and comments with 400 naming the field', async () => {
      const document = await asSecretariat('post', '/api/documents').send(NOTE);
      const cases = [
        asSecretariat('post', '/api/documents').send({ ...NOTE, title: 'Note\u0000' }),
        asSecretariat('post', '/api/documents').send({ ...NOTE, title: 'Note \ud800 seule' }),
        asSecretariat('patch', `/api/documents/${document.body.id}`).send({ title: '\udc00' }),
        asSecretariat('post', `/api/documents/${document.body.id}/comments`).send({ body: 'avis\u0000' }),
        sut.http().get(`/api/decisions?q=${encodeURIComponent('a\u0000b')}`).set('authorization', `Bearer ${secretariat.accessToken}`),
      ];

      for (const response of await Promise.all(cases)) {
        expect(response.status).toBe(400);
        expect(response.body.message.join(' ')).toMatch(/^(title|body|q) must not contain NUL/);
      }
    });

    it('keeps well-formed astral characters (a surrogate pair is not a lone surrogate)', async () => {
      const response = await asSecretariat('post', '/api/documents').send({ ...NOTE, title: 'Note 🌍 𝄞' });

      expect(response.status).toBe(201);
      expect(response.body.title).toBe('Note 🌍 𝄞');
    });

    it('answers 401 to a correctly signed token whose sub is not a UUID', async () => {
      const token = await sut.app.get(JwtService).signAsync({ sub: 'not-a-uuid' });

      const http = await sut.http().get('/api/auth/me').set('authorization', `Bearer ${token}`);
      const socket = io(`${baseUrl}${LIVE_NAMESPACE}`, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
      sockets.push(socket);
      const handshakeError = await new Promise<string>((resolve) => {
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', (error) => resolve(error.message));
      });

      expect(http.status).toBe(401);
      expect(handshakeError).not.toBe('connected');
      await expect(sut.http().get('/api/health')).resolves.toMatchObject({ status: 200 });
    });
  });
});
