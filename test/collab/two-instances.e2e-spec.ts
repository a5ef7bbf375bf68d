import { Client } from 'pg';
import { CollabClient, loginAs } from '../support/collab-client';
import { eventually } from '../support/eventually';
import { startTwoInstances, type ServerProcess, type TwoInstances } from '../support/server-process';
import type { TestDatabase } from '../support/test-database';

/*
 * Two server processes on one PostgreSQL database, relayed through Redis. The embedded PGlite
 * is one process's database (two processes cannot share its folder), so without DATABASE_URL
 * and REDIS_URL this suite is skipped; the single-instance specs (collab.e2e-spec.ts) run in
 * both modes.
 */
const withPostgresAndRedis = process.env.DATABASE_URL && process.env.REDIS_URL ? describe : describe.skip;

const SECRETARIAT = 'secretariat@demo.coupole.be';

interface Account {
  accessToken: string;
  user: { id: string; email: string };
}

withPostgresAndRedis('live co-editing across two server instances (PostgreSQL + Redis only; skipped on the embedded PGlite)', () => {
  let instances: TwoInstances | undefined;
  let database: TestDatabase;
  let first: ServerProcess;
  let second: ServerProcess;
  const accounts = new Map<string, Account>();
  const clients: CollabClient[] = [];

  async function account(email: string): Promise<Account> {
    let value = accounts.get(email);
    if (!value) {
      value = await loginAs(first.baseUrl, email);
      accounts.set(email, value);
    }
    return value;
  }

  async function api<T>(server: ServerProcess, method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${server.baseUrl}/api${path}`, {
      method,
      headers: { Authorization: `Bearer ${(await account(SECRETARIAT)).accessToken}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  }

  async function connect(server: ServerProcess, email: string, documentId: string): Promise<CollabClient> {
    const client = await CollabClient.connect(server.baseUrl, (await account(email)).accessToken, documentId);
    clients.push(client);
    return client;
  }

  async function cachedMarkdown(documentId: string): Promise<string> {
    const db = new Client({ connectionString: database.url });
    await db.connect();
    try {
      const { rows } = await db.query<{ markdown: string }>('SELECT "markdown" FROM "documents" WHERE "id" = $1', [documentId]);
      return rows[0]?.markdown ?? '';
    } finally {
      await db.end();
    }
  }

  beforeAll(async () => {
    instances = await startTwoInstances();
    ({ database, first, second } = instances);
  });

  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });

  afterAll(async () => {
    await instances?.stop();
  });

  it('converges when editors on different instances type into the same document, and stores that text', async () => {
    const { id: documentId } = await api<{ id: string }>(first, 'POST', '/documents', {
      title: 'Note à deux instances',
      kind: 'note_technique',
      markdown: 'Départ.',
    });
    const onFirst = await connect(first, 'aleap@demo.coupole.be', documentId);
    const onSecond = await connect(second, 'caips@demo.coupole.be', documentId);

    for (let index = 0; index < 20; index++) {
      onFirst.type(` a${index}`);
      onSecond.type(` b${index}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await Promise.all([onFirst.waitForAcks(), onSecond.waitForAcks()]);

    const hasEveryWord = (text: string) =>
      Array.from({ length: 20 }, (_, index) => [`a${index}`, `b${index}`]).flat().every((word) => text.split(' ').includes(word));
    await onFirst.waitForText(hasEveryWord);
    await onSecond.waitForText(hasEveryWord);
    expect(onFirst.text()).toBe(onSecond.text());
    const text = onFirst.text();

    // The body as stored, read through either instance, is the text both editors see.
    for (const server of [first, second]) {
      const detail = await api<{ markdown: string }>(server, 'GET', `/documents/${documentId}`);
      expect(detail.markdown.trim()).toBe(text);
    }
    // The Markdown cache of `documents` follows after the quiet period (2 s).
    await eventually(() => cachedMarkdown(documentId), (markdown) => markdown.trim() === text, 'the Markdown cache');
  });

  it('gives a client joining the second instance the edits acknowledged on the first', async () => {
    const { id: documentId } = await api<{ id: string }>(first, 'POST', '/documents', {
      title: 'Arrivée tardive',
      kind: 'note_technique',
      markdown: 'Ouverture.',
    });
    const writer = await connect(first, 'codef@demo.coupole.be', documentId);
    // The second instance already holds the document in memory, through an editor of its own.
    const resident = await connect(second, 'fdss@demo.coupole.be', documentId);
    writer.type(' Ajout sur la première instance.');
    await writer.waitForAcks();
    await resident.waitForText('Ouverture. Ajout sur la première instance.');

    const late = await connect(second, 'risome@demo.coupole.be', documentId);
    expect(late.text()).toBe('Ouverture. Ajout sur la première instance.');

    // And a document the second instance has never opened is loaded from the database.
    const { id: unopened } = await api<{ id: string }>(first, 'POST', '/documents', {
      title: 'Jamais ouvert ailleurs',
      kind: 'note_technique',
      markdown: 'Texte.',
    });
    const alone = await connect(first, 'codef@demo.coupole.be', unopened);
    alone.type(' Suite.');
    await alone.waitForAcks();
    const reader = await connect(second, 'risome@demo.coupole.be', unopened);
    expect(reader.text()).toBe('Texte. Suite.');
  });

  it('freezes, through the second instance, a version holding the last edit acknowledged on the first', async () => {
    const { id: documentId } = await api<{ id: string }>(first, 'POST', '/documents', {
      title: 'Version à figer',
      kind: 'note_technique',
      markdown: 'Version de travail.',
    });
    const writer = await connect(first, 'aleap@demo.coupole.be', documentId);
    for (let index = 0; index < 10; index++) writer.type(` v${index}`);
    writer.type(' dernier mot.');
    await writer.waitForAcks();

    const version = await api<{ number: number; markdown: string }>(second, 'POST', `/documents/${documentId}/versions`, {
      label: 'Figée sur la seconde instance',
    });

    expect(version.markdown.trim()).toBe('Version de travail. v0 v1 v2 v3 v4 v5 v6 v7 v8 v9 dernier mot.');
  });

  it('lists the editors of both instances in the presence, and relays carets between them', async () => {
    const { id: documentId } = await api<{ id: string }>(first, 'POST', '/documents', {
      title: 'Présence',
      kind: 'note_technique',
      markdown: 'Qui est là ?',
    });
    const onFirst = await connect(first, 'aleap@demo.coupole.be', documentId);
    const onSecond = await connect(second, 'caips@demo.coupole.be', documentId);
    const expected = [(await account('aleap@demo.coupole.be')).user.id, (await account('caips@demo.coupole.be')).user.id].sort();

    for (const server of [first, second]) {
      const detail = await eventually(
        () => api<{ editors: Array<{ userId: string }> }>(server, 'GET', `/documents/${documentId}`),
        (value) => value.editors.length === 2,
        `two editors on ${server.baseUrl}`,
      );
      expect(detail.editors.map((editor) => editor.userId).sort()).toEqual(expected);
    }

    onFirst.setAwareness({ user: { name: 'ALEAP' }, cursor: null });
    await onSecond.waitFor(() => onSecond.awareness.getStates().has(onFirst.doc.clientID), 5_000, 'the caret of the first instance');
    // Labelled by the server with the sender's identity, whatever the client claimed.
    expect(onSecond.awareness.getStates().get(onFirst.doc.clientID)).toMatchObject({
      user: { userId: (await account('aleap@demo.coupole.be')).user.id, federation: 'aleap' },
      cursor: null,
    });
    // The second instance keeps that caret itself: a newcomer there is sent it on joining.
    const newcomer = await connect(second, 'fdss@demo.coupole.be', documentId);
    await newcomer.waitFor(() => newcomer.awareness.getStates().has(onFirst.doc.clientID), 5_000, 'the caret sent on join');

    // Leaving the second instance removes those editors from the presence seen on both.
    onSecond.close();
    newcomer.close();
    for (const server of [first, second]) {
      await eventually(
        () => api<{ editors: Array<{ userId: string }> }>(server, 'GET', `/documents/${documentId}`),
        (value) => value.editors.length === 1,
        `one editor left on ${server.baseUrl}`,
      );
    }
    const remaining = await api<{ editors: Array<{ userId: string }> }>(second, 'GET', `/documents/${documentId}`);
    expect(remaining.editors.map((editor) => editor.userId)).toEqual([(await account('aleap@demo.coupole.be')).user.id]);
  });
});
