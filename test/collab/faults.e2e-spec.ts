import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { CollabClient, loginAs } from '../support/collab-client';
import { eventually } from '../support/eventually';
import { startTwoInstances, type ServerProcess, type TwoInstances } from '../support/server-process';
import { TcpProxy } from '../support/tcp-proxy';

/*
 * Faults across two server instances sharing PostgreSQL and Redis: revocations reach the open
 * sockets of the other instance within a second, and a Redis connection cut under traffic
 * neither kills an instance nor leaves the rooms apart once it is back. Both instances reach
 * Redis through a TCP proxy (test/support/tcp-proxy.ts), cut and restored: the shared Redis is
 * never stopped. Skipped without DATABASE_URL and REDIS_URL, like the other two-instance suite.
 */
const withPostgresAndRedis = process.env.DATABASE_URL && process.env.REDIS_URL ? describe : describe.skip;

const SECRETARIAT = 'secretariat@demo.coupole.be';
const ADMIN = 'admin@demo.coupole.be';
/** Redis cut and restored: health changes take a few reconnection attempts. */
const FAULT_WAIT = { timeoutMs: 20_000 };

withPostgresAndRedis('faults across two server instances (PostgreSQL + Redis only; skipped on the embedded PGlite)', () => {
  let instances: TwoInstances | undefined;
  let proxy: TcpProxy;
  let first: ServerProcess;
  let second: ServerProcess;
  const clients: CollabClient[] = [];
  const sockets: Socket[] = [];

  async function api<T>(server: ServerProcess, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${server.baseUrl}/api${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  async function newDocument(token: string): Promise<string> {
    const created = await api<{ id: string }>(first, token, 'POST', '/documents', { title: 'Pannes', kind: 'note_technique', markdown: 'Départ.' });
    return created.body.id;
  }

  async function connect(server: ServerProcess, token: string, documentId: string): Promise<CollabClient> {
    const client = await CollabClient.connect(server.baseUrl, token, documentId);
    clients.push(client);
    return client;
  }

  function openLive(server: ServerProcess, token: string): Promise<Socket> {
    const socket = io(`${server.baseUrl}/live`, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
    sockets.push(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  }

  /** Resolves when the server closes the socket; rejects if it is still open after `withinMs`. */
  function closedBy(socket: Socket, what: string, withinMs: number): { started: () => Promise<void> } {
    let closedAt: number | undefined;
    const closed = new Promise<void>((resolve) =>
      socket.once('disconnect', (reason) => {
        if (reason === 'io server disconnect') closedAt = Date.now();
        resolve();
      }),
    );
    return {
      started: async () => {
        const since = Date.now();
        await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, withinMs))]);
        if (closedAt === undefined) throw new Error(`${what} still open ${withinMs} ms after the change`);
        expect(closedAt - since).toBeLessThanOrEqual(withinMs);
      },
    };
  }

  async function health(server: ServerProcess): Promise<{ status: string; redis?: { status: string } }> {
    return (await fetch(`${server.baseUrl}/api/health`)).json() as Promise<{ status: string; redis?: { status: string } }>;
  }

  beforeAll(async () => {
    const redis = new URL(process.env.REDIS_URL!);
    proxy = new TcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
    const env = { REDIS_URL: await proxy.listen(process.env.REDIS_URL!) };
    instances = await startTwoInstances(env);
    ({ first, second } = instances);
    for (const server of [first, second]) {
      await eventually(() => health(server), (value) => value.status === 'ok', `Redis reached by ${server.baseUrl}`, FAULT_WAIT);
    }
  });

  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
    for (const socket of sockets.splice(0)) socket.disconnect();
  });

  afterAll(async () => {
    await instances?.stop();
    await proxy?.close();
  });

  it('closes within a second, on the other instance, the sockets of an account deactivated through the first', async () => {
    const admin = await loginAs(first.baseUrl, ADMIN);
    const codef = await loginAs(first.baseUrl, 'codef@demo.coupole.be');
    const documentId = await newDocument(admin.accessToken);
    const editor = await connect(second, codef.accessToken, documentId);
    const live = await openLive(second, codef.accessToken);
    const editorClosed = closedBy(editor.socket, 'the /collab socket', 1_000);
    const liveClosed = closedBy(live, 'the /live socket', 1_000);

    const changed = await api(first, admin.accessToken, 'PATCH', `/users/${codef.user.id}`, { active: false });
    expect(changed.status).toBe(200);
    await Promise.all([editorClosed.started(), liveClosed.started()]);

    // The editor reconnects by itself, and is refused: its session belongs to a deactivated account.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(editor.joined).toBe(false);
    expect((await api(second, codef.accessToken, 'GET', '/auth/me')).status).toBe(401);
    await api(first, admin.accessToken, 'PATCH', `/users/${codef.user.id}`, { active: true });
  });

  it('closes on the second instance the sockets of a session logged out on the first, and no other', async () => {
    const first1 = await loginAs(first.baseUrl, 'fdss@demo.coupole.be');
    const other = await loginAs(first.baseUrl, 'fdss@demo.coupole.be');
    const ending = await openLive(second, first1.accessToken);
    const staying = await openLive(second, other.accessToken);
    const endingClosed = closedBy(ending, 'the logged-out session’s socket', 1_000);

    const response = await fetch(`${first.baseUrl}/api/auth/logout`, { method: 'POST', headers: { Authorization: `Bearer ${first1.accessToken}` } });
    expect(response.status).toBe(204);
    await endingClosed.started();
    expect(staying.connected).toBe(true);
  });

  it('closes the room on the other instance when a text is withdrawn, and stores none of its later edits', async () => {
    const secretariat = await loginAs(first.baseUrl, SECRETARIAT);
    const aleap = await loginAs(first.baseUrl, 'aleap@demo.coupole.be');
    const documentId = await newDocument(secretariat.accessToken);
    const editor = await connect(second, aleap.accessToken, documentId);
    editor.type(' avant');
    await editor.waitForAcks();
    const editorClosed = closedBy(editor.socket, 'the editor of the withdrawn text', 1_000);

    await api(first, secretariat.accessToken, 'PATCH', `/documents/${documentId}`, { status: 'withdrawn' });
    await editorClosed.started();
    // It rejoins read-only (as the browser editor does), and an edit sent anyway is refused and not stored.
    editor.socket.connect();
    await editor.waitFor(() => editor.joined, 5_000, 'the rejoin');
    expect(editor.canEdit).toBe(false);
    editor.type(' après');
    await editor.waitFor(() => editor.refusals.some((refusal) => refusal.code === 'read_only'), 5_000, 'the refusal');
    const stored = await api<{ markdown: string }>(second, secretariat.accessToken, 'GET', `/documents/${documentId}`);
    expect(stored.body.markdown.trim()).toBe('Départ. avant');
  });

  it('survives a Redis cut of 10 s under traffic on both instances, reports it degraded, converges and applies missed revocations once it is back', async () => {
    const secretariat = await loginAs(first.baseUrl, SECRETARIAT);
    const documentId = await newDocument(secretariat.accessToken);
    const caips = (await loginAs(first.baseUrl, 'caips@demo.coupole.be')).accessToken;
    const risome = (await loginAs(first.baseUrl, 'risome@demo.coupole.be')).accessToken;
    // A typist and a reader on each instance.
    const onFirst = await connect(first, caips, documentId);
    const onSecond = await connect(second, risome, documentId);
    const readers = [await connect(first, risome, documentId), await connect(second, caips, documentId)];
    const everyone = [onFirst, onSecond, ...readers];
    // An account deactivated through the first instance during the cut has sockets on the second.
    const fdss = await loginAs(first.baseUrl, 'fdss@demo.coupole.be');
    const admin = await loginAs(first.baseUrl, ADMIN);
    const revokedEditor = await connect(second, fdss.accessToken, documentId);
    const revokedLive = await openLive(second, fdss.accessToken);
    const revokedClosed = Promise.all(
      [revokedEditor.socket, revokedLive].map((socket) => new Promise((resolve) => socket.once('disconnect', resolve))),
    );
    const words: string[] = [];
    let typing = true;
    const traffic = (async () => {
      for (let index = 0; typing; index++) {
        onFirst.type(` a${index}`);
        onSecond.type(` b${index}`);
        words.push(`a${index}`, `b${index}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();

    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const cutAt = Date.now();
    proxy.cut();
    for (const server of [first, second]) {
      const during = await eventually(() => health(server), (value) => value.status === 'degraded', `degraded health on ${server.baseUrl}`, FAULT_WAIT);
      expect(during.redis?.status).toBe('down');
    }
    // During the outage each instance catches its rooms up from the database: a word typed on
    // the first instance reaches the reader on the second without Redis.
    expect((await api(first, admin.accessToken, 'PATCH', `/users/${fdss.user.id}`, { active: false })).status).toBe(200);
    const typedDuringCut = words[words.length - 2];
    await readers[1].waitForText((text) => text.split(' ').includes(typedDuringCut), 15_000);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, cutAt + 10_000 - Date.now())));
    expect(first.isRunning()).toBe(true);
    expect(second.isRunning()).toBe(true);
    proxy.restore();
    for (const server of [first, second]) {
      await eventually(() => health(server), (value) => value.status === 'ok' && value.redis?.status === 'up', `healthy again on ${server.baseUrl}`, FAULT_WAIT);
    }
    typing = false;
    await traffic;
    // The revocation published during the cut was lost: the second instance rechecks its sockets.
    await expect(revokedClosed).resolves.toEqual(['io server disconnect', 'io server disconnect']);
    await api(first, admin.accessToken, 'PATCH', `/users/${fdss.user.id}`, { active: true });
    await Promise.all([onFirst.waitForAcks(20_000), onSecond.waitForAcks(20_000)]);

    const logs = () =>
      [first, second]
        .map((server) => server.output().split('\n').filter((line) => /Redis|Resynchronising/.test(line)).map((line) => `${server.port} ${line.slice(0, 220)}`).join('\n'))
        .join('\n');
    const missing = (client: CollabClient) => words.filter((word) => !client.text().split(' ').includes(word));
    for (const [index, client] of everyone.entries()) {
      await client
        .waitFor(() => missing(client).length === 0, 20_000, 'every word')
        .catch(() => Promise.reject(new Error(`client ${index} lacks ${missing(client).join(' ')} of ${words.length} words\n${logs()}`)));
    }
    const state = Buffer.from(Y.encodeStateVector(onFirst.doc));
    for (const client of everyone) {
      expect(client.text()).toBe(onFirst.text());
      expect(Buffer.from(Y.encodeStateVector(client.doc)).equals(state)).toBe(true);
    }
    const stored = await api<{ markdown: string }>(second, secretariat.accessToken, 'GET', `/documents/${documentId}`);
    expect(stored.body.markdown.trim()).toBe(onFirst.text());
    for (const server of [first, second]) {
      expect(server.isRunning()).toBe(true);
      // Logged once when it started, not at every reconnection attempt.
      const outages = server.output().split('\n').filter((line) => line.includes('Redis unreachable'));
      expect(outages.map((line) => line.slice(line.indexOf('Redis unreachable'), line.indexOf('):') + 1))).toHaveLength(1);
      expect(server.output()).toMatch(/Redis reachable again/);
    }

    // Relaying between instances works again (no catch-up from the database runs once Redis is back).
    onFirst.type(' après-retour');
    await onSecond.waitForText((text) => text.endsWith('après-retour'));
  });
});
