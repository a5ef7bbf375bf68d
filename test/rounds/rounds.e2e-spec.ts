import { Client } from 'pg';
import { startServer, type ServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const DEMO_PASSWORD = 'coupole-demo';
const FEDERATIONS = ['aleap', 'caips', 'codef', 'fdss', 'risome'] as const;
const NOTE = '# Note\n\nPremier paragraphe de la note.\n\nSecond paragraphe de la note.\n';

interface Api {
  token: string;
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
}

async function login(baseUrl: string, email: string): Promise<Api> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status}`);
  const { accessToken } = (await response.json()) as { accessToken: string };
  return apiFor(baseUrl, accessToken);
}

function apiFor(baseUrl: string, token: string): Api {
  return {
    token,
    async call(method, path, body) {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
  };
}

/**
 * A document with one frozen version and a round on it closing `closesInMs` after it opens,
 * every federation agreeing. Logins (argon2) come first so the deadline is not eaten by them.
 */
async function roundEveryoneAgrees(baseUrl: string, closesInMs: number): Promise<{ roundId: string; documentId: string; closesAt: Date }> {
  const secretariat = await login(baseUrl, 'secretariat@demo.coupole.be');
  const representatives = await Promise.all(FEDERATIONS.map((federation) => login(baseUrl, `${federation}@demo.coupole.be`)));
  const document = await secretariat.call('POST', '/api/documents', { title: `Tour e2e ${Date.now()}`, kind: 'communique', markdown: NOTE });
  expect(document.status).toBe(201);
  const version = await secretariat.call('POST', `/api/documents/${document.body.id}/versions`, {});
  expect(version.status).toBe(201);
  const closesAt = new Date(Date.now() + closesInMs);
  const round = await secretariat.call('POST', `/api/documents/${document.body.id}/rounds`, {
    version: version.body.number,
    question: 'Publions-nous ce communiqué ?',
    closesAt: closesAt.toISOString(),
  });
  expect(round.status).toBe(201);
  for (const representative of representatives) {
    const cast = await representative.call('PUT', `/api/rounds/${round.body.id}/position`, { stance: 'agree' });
    expect(cast.status).toBe(200);
  }
  return { roundId: round.body.id, documentId: document.body.id, closesAt };
}

const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));

describe('consensus rounds across restarts and instances (e2e)', () => {
  const servers: ServerProcess[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.stop();
  });

  it('closes at start a round whose deadline passed while the server was down', async () => {
    const server = await startServer();
    servers.push(server);
    const { roundId, documentId, closesAt } = await roundEveryoneAgrees(server.baseUrl, 4_000);
    await server.kill();
    await sleepUntil(closesAt.getTime() + 500);
    await server.restart();

    // The sweep at start runs before the server answers its health check.
    const reader = await login(server.baseUrl, 'fdss@demo.coupole.be');
    const round = await reader.call('GET', `/api/rounds/${roundId}`);
    expect(round.body).toMatchObject({ status: 'closed', outcome: 'adopted', closeCause: 'deadline' });
    expect(round.body.decisionSeq).toBeGreaterThan(0);
    const document = await reader.call('GET', `/api/documents/${documentId}`);
    expect(document.body.status).toBe('adopted');
  });

  const withPostgres = process.env.DATABASE_URL && process.env.REDIS_URL ? it : it.skip;

  withPostgres('records exactly one decision when two instances, their schedulers and 100 close requests race', async () => {
    const database: TestDatabase = await createTestDatabase();
    try {
      const first = await startServer({ databaseUrl: database.url });
      servers.push(first);
      const second = await startServer({ databaseUrl: database.url, seedDemo: false });
      servers.push(second);

      const { roundId, closesAt } = await roundEveryoneAgrees(first.baseUrl, 4_000);
      const secretariat = await login(first.baseUrl, 'secretariat@demo.coupole.be');
      const onSecond = apiFor(second.baseUrl, secretariat.token);

      // Straddle the deadline: some requests close as the facilitator, the rest meet the schedulers.
      await sleepUntil(closesAt.getTime() - 30);
      const responses = await Promise.all(
        Array.from({ length: 100 }, (_, index) => (index % 2 ? onSecond : secretariat).call('POST', `/api/rounds/${roundId}/close`, {})),
      );
      await sleepUntil(closesAt.getTime() + 3_000); // both schedulers have swept past the deadline

      const statuses = responses.map((response) => response.status);
      expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
      expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(1);

      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows } = await client.query('SELECT count(*)::int AS count FROM "decisions" WHERE "round_id" = $1', [roundId]);
        expect(rows[0].count).toBe(1);
        const events = await client.query(`SELECT count(*)::int AS count FROM "events" WHERE "round_id" = $1 AND "type" = 'round.closed'`, [
          roundId,
        ]);
        expect(events.rows[0].count).toBe(1);
      } finally {
        await client.end();
      }
      const verify = await secretariat.call('GET', '/api/decisions/verify');
      expect(verify.body).toMatchObject({ valid: true });
    } finally {
      for (const server of servers.splice(0)) await server.stop();
      await database.drop();
    }
  });
});
