import { COLLAB_NAMESPACE, LIVE_NAMESPACE, type LoginResponse } from '@coupole/shared';
import { JwtService } from '@nestjs/jwt';
import fc from 'fast-check';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { registeredApiRoutes, registeredSocketMessages } from './registered-routes';
import { startTestApp, TestApp } from './test-app';

/**
 * Generated bad input over every HTTP route and socket message: no answer may be a 5xx and the
 * server must be healthy afterwards. The routes come from the running app's router and the
 * messages from its gateways, so a new one is fuzzed without editing this file; requests take
 * them in turn, so each gets its share. CI-sized by default; FUZZ_RUNS / FUZZ_SOCKET_RUNS raise
 * it, FUZZ_SEED replays a run (the seed is printed).
 */
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);
const HTTP_RUNS = Number(process.env.FUZZ_RUNS ?? 2_000);
const SOCKET_RUNS = Number(process.env.FUZZ_SOCKET_RUNS ?? 400);

const WEIRD_STRINGS = ['', ' ', '\u0000', 'a\u0000b', '\ud800', '\udfff', '🌍', '%00', '../../etc/passwd', "'; DROP TABLE users; --", '<script>alert(1)</script>', '9'.repeat(40), '-1', '0', '1e309', 'NaN', 'null', 'true', '[]', '{}', '00000000-0000-0000-0000-000000000000', 'é'.repeat(5_000)];

const text = fc.oneof(fc.constantFrom(...WEIRD_STRINGS), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.uuid());
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 2 ** 31, 1e300));
const value = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('json'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(text, fc.constantFrom('title', 'kind', 'markdown', 'body', 'anchor', 'stance', 'reason', 'answers', 'version', 'closesAt', 'rule', '__proto__', 'constructor')), tie('json'), { maxKeys: 5 }),
  ),
})).json;
const nested = fc.integer({ min: 30, max: 5_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth));
const rawBody = fc.oneof(
  value.map((json) => ({ type: 'application/json', body: JSON.stringify(json) ?? 'null' })),
  nested.map((body) => ({ type: 'application/json', body })),
  fc.string({ maxLength: 60 }).map((body) => ({ type: 'application/json', body })),
  fc
    .tuple(fc.constantFrom('application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x', 'application/xml'), fc.string({ maxLength: 60 }))
    .map(([type, body]) => ({ type, body })),
);

/** encodeURIComponent, except that a lone surrogate is sent as the (invalid) UTF-8 bytes it would make. */
function encodePathPart(part: string): string {
  return Array.from(part, (character) => {
    try {
      return encodeURIComponent(character);
    } catch {
      return '%ED%BF%BF';
    }
  }).join('');
}

describe('fuzzing every route and socket message (integration)', () => {
  let sut: TestApp;
  let baseUrl: string;
  let routes: { method: string; path: string }[];
  let messages: { namespace: string; event: string }[];
  let tokens: string[];
  let documentId: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    sut = await startTestApp();
    await sut.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(sut.app.getHttpServer().address() as AddressInfo).port}`;
    routes = registeredApiRoutes(sut.app)
      .filter((route) => !route.includes('/api/docs'))
      .map((route) => {
        const [method, path] = route.split(' ');
        return { method, path };
      });
    messages = registeredSocketMessages(sut.app);
    const logins: LoginResponse[] = await Promise.all(['secretariat', 'aleap', 'observateur'].map((name) => sut.login(`${name}@demo.coupole.be`)));
    const jwt = sut.app.get(JwtService);
    tokens = [
      ...logins.map((login) => login.accessToken),
      'not-a-jwt',
      await jwt.signAsync({ sub: 'nope' }),
      await jwt.signAsync({ sub: 42 }),
      await jwt.signAsync({ sub: '00000000-0000-0000-0000-000000000000' }),
    ];
    const created = await sut.http().post('/api/documents').set('authorization', `Bearer ${tokens[0]}`).send({ title: 'Cible du fuzz', kind: 'analyse', markdown: 'Texte.' });
    documentId = created.body.id as string;
    console.log(
      `fuzz seed ${SEED} (FUZZ_SEED=${SEED} to replay): ${HTTP_RUNS} HTTP requests over ${routes.length} routes, ${SOCKET_RUNS} socket messages over ${messages.length} (+ an unknown one)`,
    );
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await sut?.close();
  });

  it('answers every generated request over every route without a 5xx', async () => {
    const parameter = fc.oneof(text, fc.constant(documentId), fc.nat({ max: 1_000_000 }).map(String));
    const request = fc.record({
      params: fc.array(parameter, { minLength: 6, maxLength: 6 }),
      query: fc.dictionary(fc.constantFrom('q', 'status', 'kind', 'format', 'from', 'to', 'limit', 'offset', 'length', 'head', 'version', 'suggestions'), text, { maxKeys: 3 }),
      body: rawBody,
      token: fc.option(fc.constantFrom(...tokens.map((_, index) => index)), { nil: undefined }),
    });
    let sent = 0;
    const failures: string[] = [];
    const reached = new Set<string>();
    await fc.assert(
      fc.asyncProperty(request, async ({ params, query, body, token }) => {
        const route = routes[sent % routes.length];
        reached.add(`${route.method} ${route.path}`);
        let index = 0;
        const path = route.path.replace(/:[A-Za-z]+/g, () => encodePathPart(params[index++]));
        const call = sut.http()[route.method.toLowerCase() as 'get'](path).query(query);
        if (token !== undefined) call.set('authorization', `Bearer ${tokens[token]}`);
        if (route.method !== 'GET') call.set('content-type', body.type).send(body.body);
        const response = await call;
        sent++;
        if (response.status >= 500) failures.push(`${route.method} ${path} ${body.body.slice(0, 80)} → ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
        return response.status < 500;
      }),
      { seed: SEED, numRuns: HTTP_RUNS, endOnFailure: true },
    );

    expect(failures).toEqual([]);
    expect(sent).toBe(HTTP_RUNS);
    expect(routes.length).toBeGreaterThan(100);
    if (HTTP_RUNS >= routes.length) expect(reached.size).toBe(routes.length);
    await expect(sut.http().get('/api/health')).resolves.toMatchObject({ status: 200 });
  }, 600_000);

  it('survives generated socket messages on /live and /collab and stays healthy', async () => {
    // A session of its own: the HTTP fuzz may have logged the first one out (POST /api/auth/logout…).
    const { accessToken } = await sut.login('secretariat@demo.coupole.be');
    const connect = (namespace: string) =>
      new Promise<Socket>((resolve, reject) => {
        const socket = io(`${baseUrl}${namespace}`, { transports: ['websocket'], auth: { token: accessToken }, reconnection: false, forceNew: true });
        sockets.push(socket);
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
      });
    const open = new Map<string, Socket>();
    // A socket the server dropped (flooding, a refused message) is opened again.
    const socketFor = async (namespace: string) => {
      const current = open.get(namespace);
      if (current?.connected) return current;
      const socket = await connect(namespace);
      open.set(namespace, socket);
      return socket;
    };
    // Each namespace also gets a message no gateway handles.
    const namespaces = [...new Set(messages.map((message) => message.namespace))];
    const targets = [...messages, ...namespaces.map((namespace) => ({ namespace, event: 'unknown' }))];
    expect(namespaces).toEqual(expect.arrayContaining([COLLAB_NAMESPACE, LIVE_NAMESPACE]));
    // Only these are acknowledged by the server; anything else is emitted and left alone.
    const WITH_ACK = new Set([`${LIVE_NAMESPACE} subscribe`, `${LIVE_NAMESPACE} unsubscribe`, `${COLLAB_NAMESPACE} join`, `${COLLAB_NAMESPACE} update`]);
    const payload = fc.oneof(value, fc.uint8Array({ maxLength: 64 }), fc.constant({ documentId }), fc.record({ documentId: fc.oneof(text, fc.constant(documentId)) }));
    let sent = 0;
    const reached = new Set<string>();
    await fc.assert(
      fc.asyncProperty(payload, async (body) => {
        const { namespace, event } = targets[sent % targets.length];
        const socket = await socketFor(namespace);
        // An ack, an error event or nothing: all fine, as long as the server answers or ignores.
        if (WITH_ACK.has(`${namespace} ${event}`)) await socket.timeout(2_000).emitWithAck(event, body).catch(() => undefined);
        else socket.emit(event, body);
        reached.add(`${namespace} ${event}`);
        sent++;
        return true;
      }),
      { seed: SEED, numRuns: SOCKET_RUNS },
    );

    if (SOCKET_RUNS >= targets.length) expect(reached.size).toBe(targets.length);
    expect(sent).toBe(SOCKET_RUNS);
    await expect(sut.http().get('/api/health')).resolves.toMatchObject({ status: 200 });
    const after = await connect(LIVE_NAMESPACE);
    await expect(after.timeout(5_000).emitWithAck('subscribe', { documentId })).resolves.toMatchObject({ ok: true });
  }, 600_000);
});
