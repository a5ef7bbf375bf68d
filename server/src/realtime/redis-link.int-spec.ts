import { COLLAB_NAMESPACE, LIVE_NAMESPACE, type CollabAck, type LoginResponse } from '@coupole/shared';
import { Logger } from '@nestjs/common';
import { createServer, type AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { startTestApp, TestApp } from '../test/test-app';

/*
 * The socket.io Redis adapter's link, on one instance: an unreachable Redis is reported
 * "degraded" and logged once while the instance keeps serving its own clients; closing the app
 * disconnects the sockets and publishes their departure before the Redis clients close, so no
 * publish fails unhandled. The cut and return of Redis under traffic, on two instances, is
 * test/collab/faults.e2e-spec.ts.
 */

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function listen(sut: TestApp): Promise<string> {
  await sut.app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(sut.app.getHttpServer().address() as AddressInfo).port}`;
}

function open(url: string, token: string): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function joinAndEdit(baseUrl: string, sut: TestApp, login: LoginResponse): Promise<{ socket: Socket; edit: CollabAck }> {
  const created = await sut
    .http()
    .post('/api/documents')
    .set('Authorization', `Bearer ${login.accessToken}`)
    .send({ title: 'Lien Redis', kind: 'note_technique', markdown: 'Texte.' });
  const socket = await open(`${baseUrl}${COLLAB_NAMESPACE}`, login.accessToken);
  const join = (await socket.timeout(5_000).emitWithAck('join', { documentId: created.body.id })) as CollabAck;
  expect(join).toMatchObject({ ok: true, canEdit: true });
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('Ajout.')]);
  doc.getXmlFragment('default').insert(0, [paragraph]);
  const edit = (await socket.timeout(5_000).emitWithAck('update', Y.encodeStateAsUpdate(doc))) as CollabAck;
  return { socket, edit };
}

async function settle(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

describe('the link to Redis (integration)', () => {
  const sockets: Socket[] = [];
  let logged: jest.SpyInstance;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error');
    unhandled.length = 0;
    process.on('unhandledRejection', onUnhandled);
  });

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    logged.mockRestore();
    process.off('unhandledRejection', onUnhandled);
  });

  it('answers 200 "degraded" while Redis is configured but unreachable, logs it once, and keeps serving its own clients', async () => {
    const sut = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${await closedPort()}` });
    try {
      const baseUrl = await listen(sut);
      // Several reconnection attempts (100, 200, 400… ms) fail meanwhile.
      await settle(1_500);

      const health = await sut.http().get('/api/health');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'degraded', database: { status: 'up' }, redis: { status: 'down' } });
      expect(health.body.redis.message).toMatch(/ECONNREFUSED/);

      const { socket, edit } = await joinAndEdit(baseUrl, sut, await sut.login('aleap@demo.coupole.be'));
      sockets.push(socket);
      expect(edit).toEqual({ ok: true });
      const outageLines = logged.mock.calls.filter(([message]) => String(message).includes('Redis unreachable'));
      expect(outageLines).toHaveLength(1);
    } finally {
      await sut.close();
    }
    await settle(200);
    expect(unhandled).toEqual([]);
  });

  const withRedis = process.env.REDIS_URL ? it : it.skip;

  withRedis('answers "ok" with Redis reachable, and closes with sockets joined without any unhandled rejection', async () => {
    const sut = await startTestApp();
    let closed = false;
    try {
      const baseUrl = await listen(sut);
      const deadline = Date.now() + 10_000;
      while ((await sut.http().get('/api/health')).body.status !== 'ok' && Date.now() < deadline) await settle(100);
      expect((await sut.http().get('/api/health')).body).toEqual({ status: 'ok', database: { status: 'up' }, redis: { status: 'up' } });

      const login = await sut.login('caips@demo.coupole.be');
      const { socket, edit } = await joinAndEdit(baseUrl, sut, login);
      expect(edit).toEqual({ ok: true });
      const live = await open(`${baseUrl}${LIVE_NAMESPACE}`, login.accessToken);
      sockets.push(socket, live);
      const collabClosed = new Promise((resolve) => socket.once('disconnect', resolve));

      // The departure of the joined socket publishes its presence through Redis while closing.
      await sut.close();
      closed = true;
      await expect(collabClosed).resolves.toBe('io server disconnect');
    } finally {
      if (!closed) await sut.close();
    }
    await settle(500);
    expect(unhandled).toEqual([]);
    expect(logged.mock.calls.filter(([message]) => String(message).includes('Redis unreachable'))).toEqual([]);
  });
});
