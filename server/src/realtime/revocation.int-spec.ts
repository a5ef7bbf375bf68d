import { COLLAB_NAMESPACE, LIVE_NAMESPACE, type CollabAck, type LoginResponse } from '@coupole/shared';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { DataSource } from 'typeorm';
import { DocumentStateService } from '../collab/document-state.service';
import { startTestApp, TestApp } from '../test/test-app';

/**
 * Open sockets follow the account, the session and the document's access: a change closes them
 * (on every instance, through the adapter; the two-instance e2e suite checks that part) and the
 * next message is refused. Sessions end at once on logout, password change, "everywhere".
 */
describe('revocation of sessions and open sockets (integration)', () => {
  let sut: TestApp;
  let baseUrl: string;
  let admin: LoginResponse;
  let secretariat: LoginResponse;
  const sockets: Socket[] = [];

  function open(namespace: string, token: string): Promise<Socket> {
    const socket = io(`${baseUrl}${namespace}`, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
    sockets.push(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  }

  function closed(socket: Socket, timeoutMs = 5_000): Promise<string> {
    if (!socket.connected) return Promise.resolve('already closed');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`still connected after ${timeoutMs} ms`)), timeoutMs);
      socket.once('disconnect', (reason) => {
        clearTimeout(timer);
        resolve(reason);
      });
    });
  }

  async function joined(token: string, documentId: string): Promise<{ socket: Socket; ack: CollabAck }> {
    const socket = await open(COLLAB_NAMESPACE, token);
    const ack = (await socket.timeout(5_000).emitWithAck('join', { documentId })) as CollabAck;
    return { socket, ack };
  }

  function edit(socket: Socket, text: string): Promise<CollabAck> {
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    doc.getXmlFragment('default').insert(0, [paragraph]);
    return socket.timeout(5_000).emitWithAck('update', Y.encodeStateAsUpdate(doc)) as Promise<CollabAck>;
  }

  async function api(token: string, method: 'get' | 'post' | 'patch', path: string, body?: object) {
    const request = sut.http()[method](`/api${path}`).set('Authorization', `Bearer ${token}`);
    return body ? request.send(body) : request;
  }

  /** An account the admin creates (e-mail unique to the run) and its temporary password. */
  async function newAccount(prefix: string, fields: { displayName: string; role: string; federation?: string; mandate?: string }) {
    const created = await api(admin.accessToken, 'post', '/users', { email: `${prefix}-${Date.now()}@example.be`, ...fields });
    return { email: created.body.user.email as string, temporaryPassword: created.body.temporaryPassword as string };
  }

  async function newDocument(observerIds: string[] = []): Promise<string> {
    const created = await api(secretariat.accessToken, 'post', '/documents', { title: 'Révocation', kind: 'note_technique', markdown: 'Texte.' });
    if (observerIds.length > 0) await api(secretariat.accessToken, 'patch', `/documents/${created.body.id}`, { observerIds });
    return created.body.id as string;
  }

  async function storedUpdates(documentId: string): Promise<number> {
    const rows: Array<{ count: string }> = await sut.app
      .get(DataSource)
      .query(`SELECT count(*) AS "count" FROM "document_updates" WHERE "document_id" = $1`, [documentId]);
    return Number(rows[0].count);
  }

  beforeAll(async () => {
    sut = await startTestApp();
    await sut.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(sut.app.getHttpServer().address() as AddressInfo).port}`;
    [admin, secretariat] = await Promise.all([sut.login('admin@demo.coupole.be'), sut.login('secretariat@demo.coupole.be')]);
  });

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('closes the /collab and /live sockets of a deactivated account, refuses its token, and lets it back once reactivated', async () => {
    const codef = await sut.login('codef@demo.coupole.be');
    const documentId = await newDocument();
    const { socket: editor, ack } = await joined(codef.accessToken, documentId);
    expect(ack).toMatchObject({ ok: true, canEdit: true });
    const live = await open(LIVE_NAMESPACE, codef.accessToken);

    const collabClosed = closed(editor);
    const liveClosed = closed(live);
    expect((await api(admin.accessToken, 'patch', `/users/${codef.user.id}`, { active: false })).status).toBe(200);

    await expect(collabClosed).resolves.toBe('io server disconnect');
    await expect(liveClosed).resolves.toBe('io server disconnect');
    expect((await api(codef.accessToken, 'get', '/auth/me')).status).toBe(401);
    await expect(open(COLLAB_NAMESPACE, codef.accessToken)).rejects.toThrow();
    await api(admin.accessToken, 'patch', `/users/${codef.user.id}`, { active: true });
  });

  it('closes every socket of an account whose password an admin resets; the old password and token stop working, the temporary one must be changed', async () => {
    const created = await newAccount('reinit', { displayName: 'Compte réinitialisé', role: 'observer' });
    const email = created.email;
    const first = await sut.login(email, created.temporaryPassword);
    await api(first.accessToken, 'post', '/auth/password', { currentPassword: created.temporaryPassword, newPassword: 'un-mot-de-passe-choisi' });
    const user = await sut.login(email, 'un-mot-de-passe-choisi');
    const live = await open(LIVE_NAMESPACE, user.accessToken);
    const liveClosed = closed(live);

    const reset = await api(admin.accessToken, 'post', `/users/${user.user.id}/password-reset`);

    expect(reset.status).toBe(200);
    expect(reset.body.user).toMatchObject({ id: user.user.id, mustChangePassword: true });
    await expect(liveClosed).resolves.toBe('io server disconnect');
    expect((await api(user.accessToken, 'get', '/auth/me')).status).toBe(401);
    await expect(sut.login(email, 'un-mot-de-passe-choisi')).rejects.toThrow();
    const temporary = await sut.login(email, reset.body.temporaryPassword as string);
    expect(temporary.user.mustChangePassword).toBe(true);
    expect((await api(temporary.accessToken, 'get', '/documents')).status).toBe(403);
  });

  it('does not let an admin reset their own password (400 with a code), nor an unknown account (404)', async () => {
    const own = await api(admin.accessToken, 'post', `/users/${admin.user.id}/password-reset`);
    expect(own.status).toBe(400);
    expect(own.body.code).toBe('cannot_reset_own_password');
    expect((await api(admin.accessToken, 'post', '/users/00000000-0000-4000-8000-000000000000/password-reset')).status).toBe(404);
  });

  it('makes a representative demoted to observer rejoin without the document (not invited)', async () => {
    const fdss = await sut.login('fdss@demo.coupole.be');
    const documentId = await newDocument();
    const { socket: editor } = await joined(fdss.accessToken, documentId);
    const before = await storedUpdates(documentId);

    const editorClosed = closed(editor);
    await api(admin.accessToken, 'patch', `/users/${fdss.user.id}`, { role: 'observer' });
    await editorClosed;

    const again = await joined(fdss.accessToken, documentId);
    expect(again.ack).toMatchObject({ ok: false, code: 'not_found' });
    expect(await edit(again.socket, 'Toujours là ?')).toMatchObject({ ok: false, code: 'not_joined' });
    expect(await storedUpdates(documentId)).toBe(before);
    await api(admin.accessToken, 'patch', `/users/${fdss.user.id}`, { role: 'representative', federation: 'fdss', mandate: 'titular' });
  });

  it('closes the socket of an observer removed from the document, who can no longer ask for its state', async () => {
    const observer = await sut.login('observateur@demo.coupole.be');
    const documentId = await newDocument([observer.user.id]);
    const { socket: reader, ack } = await joined(observer.accessToken, documentId);
    expect(ack).toMatchObject({ ok: true, canEdit: false });

    const readerClosed = closed(reader);
    await api(secretariat.accessToken, 'patch', `/documents/${documentId}`, { observerIds: [] });
    await readerClosed;

    const again = await joined(observer.accessToken, documentId);
    expect(again.ack).toMatchObject({ ok: false, code: 'not_found' });
    const step1 = encoding.createEncoder();
    syncProtocol.writeSyncStep1(step1, new Y.Doc());
    const refusal = new Promise((resolve) => again.socket.once('error', resolve));
    again.socket.emit('sync', encoding.toUint8Array(step1));
    await expect(refusal).resolves.toMatchObject({ code: 'not_joined' });
  });

  it('refuses /collab to an account that must first change its temporary password', async () => {
    const created = await newAccount('temporaire', { displayName: 'Compte temporaire', role: 'representative', federation: 'aleap', mandate: 'substitute' });
    const pending = await sut.login(created.email, created.temporaryPassword);

    await expect(open(COLLAB_NAMESPACE, pending.accessToken)).rejects.toThrow();
  });

  it('closes the room of a withdrawn text and stores no edit of it afterwards, even one already on its way', async () => {
    const aleap = await sut.login('aleap@demo.coupole.be');
    const documentId = await newDocument();
    const { socket: editor } = await joined(aleap.accessToken, documentId);
    expect(await edit(editor, 'Avant le retrait.')).toEqual({ ok: true });
    const before = await storedUpdates(documentId);

    const editorClosed = closed(editor);
    await api(secretariat.accessToken, 'patch', `/documents/${documentId}`, { status: 'withdrawn' });
    await editorClosed;
    // An edit that passed the socket's permission check before the withdrawal committed.
    const state = sut.app.get(DocumentStateService);
    const late = new Y.Doc();
    late.getXmlFragment('default').insert(0, [new Y.XmlElement('paragraph')]);
    await expect(state.applyClientUpdate(documentId, Y.encodeStateAsUpdate(late), aleap.user.id)).rejects.toMatchObject({ code: 'read_only' });
    expect(await storedUpdates(documentId)).toBe(before);

    const again = await joined(aleap.accessToken, documentId);
    expect(again.ack).toMatchObject({ ok: true, canEdit: false });
  });

  it('labels a caret with the server’s name for its sender, whatever the client claims', async () => {
    const observer = await sut.login('observateur@demo.coupole.be');
    const aleap = await sut.login('aleap@demo.coupole.be');
    const documentId = await newDocument([observer.user.id]);
    const { socket: watcher } = await joined(aleap.accessToken, documentId);
    const { socket: forger } = await joined(observer.accessToken, documentId);

    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ user: { userId: aleap.user.id, name: 'Nadia Benali', federation: 'aleap', federationName: 'ALEAP', color: '#ff0000' }, cursor: null });
    const relayed = new Promise<Uint8Array>((resolve) => watcher.on('awareness', (message: Uint8Array) => resolve(new Uint8Array(message))));
    forger.emit('awareness', awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));

    const received = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(received, await relayed, 'test');
    expect(received.getStates().get(doc.clientID)).toMatchObject({
      user: { userId: observer.user.id, name: observer.user.displayName, federation: null, federationName: null },
      cursor: null,
    });
  });

  it('does not ask the in-memory adapter of a single instance for serverSideEmit (one warning per join)', async () => {
    const warn = jest.spyOn(console, 'warn');
    try {
      const risome = await sut.login('risome@demo.coupole.be');
      const { ack } = await joined(risome.accessToken, await newDocument());
      expect(ack.ok).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(warn.mock.calls.flat().join(' ')).not.toContain('serverSideEmit');
    } finally {
      warn.mockRestore();
    }
  });

  describe('sessions', () => {
    it('ends a session at logout: its token is refused at once and its sockets close, another session goes on', async () => {
      const first = await sut.login('caips@demo.coupole.be');
      const second = await sut.login('caips@demo.coupole.be');
      const live = await open(LIVE_NAMESPACE, first.accessToken);
      const otherLive = await open(LIVE_NAMESPACE, second.accessToken);
      const liveClosed = closed(live);

      expect((await api(first.accessToken, 'post', '/auth/logout')).status).toBe(204);

      expect((await api(first.accessToken, 'get', '/auth/me')).status).toBe(401);
      await expect(liveClosed).resolves.toBe('io server disconnect');
      expect((await api(second.accessToken, 'get', '/auth/me')).status).toBe(200);
      expect(otherLive.connected).toBe(true);
    });

    it('ends every other session on a password change, and every session when logging out everywhere', async () => {
      const account = await newAccount('sessions', { displayName: 'Sessions multiples', role: 'facilitator' });
      const email = account.email;
      const current = await sut.login(email, account.temporaryPassword);
      const other = await sut.login(email, account.temporaryPassword);

      const changed = await api(current.accessToken, 'post', '/auth/password', {
        currentPassword: account.temporaryPassword,
        newPassword: 'un nouveau mot de passe solide',
      });
      expect(changed.status).toBe(204);
      expect((await api(other.accessToken, 'get', '/auth/me')).status).toBe(401);
      expect((await api(current.accessToken, 'get', '/auth/me')).status).toBe(200);

      const third = await sut.login(email, 'un nouveau mot de passe solide');
      expect((await api(current.accessToken, 'post', '/auth/logout-everywhere')).status).toBe(204);
      expect((await api(current.accessToken, 'get', '/auth/me')).status).toBe(401);
      expect((await api(third.accessToken, 'get', '/auth/me')).status).toBe(401);
    });

    it('renews a short-lived access token for a live session, and not for an ended one', async () => {
      const session = await sut.login('risome@demo.coupole.be');
      expect(Date.parse(session.accessTokenExpiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60 * 1000);

      const renewed = await api(session.accessToken, 'post', '/auth/refresh');
      expect(renewed.status).toBe(200);
      expect(renewed.body.sessionExpiresAt).toBe(session.sessionExpiresAt);
      expect(renewed.headers['set-cookie']?.[0]).toMatch(/^coupole_session=/);
      expect((await api(renewed.body.accessToken as string, 'get', '/auth/me')).status).toBe(200);

      await api(renewed.body.accessToken as string, 'post', '/auth/logout');
      expect((await api(session.accessToken, 'post', '/auth/refresh')).status).toBe(401);
    });
  });
});
