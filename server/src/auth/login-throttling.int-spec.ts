import type { Express } from 'express';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../test/test-app';
import { LOGIN_THROTTLE } from './auth.module';
import { loginDelaySeconds, LoginAttemptsService } from './login-attempts.service';

describe('login throttling (integration)', () => {
  let sut: TestApp;
  let database: DataSource;

  const attempt = (email: string, password: string, forwardedFor?: string) => {
    const request = sut.http().post('/api/auth/login');
    if (forwardedFor) request.set('x-forwarded-for', forwardedFor);
    return request.send({ email, password });
  };

  async function row(account: string) {
    const [found] = (await database.query(
      `SELECT "failures", extract(epoch FROM "next_attempt_at" - "last_attempt_at")::float8 AS "delay"
         FROM "login_attempts" WHERE "account" = $1`,
      [account],
    )) as { failures: number; delay: number }[];
    return found;
  }

  /** What waiting out the current delay does, without a test that sleeps. */
  const waitOut = (account: string) =>
    database.query(`UPDATE "login_attempts" SET "next_attempt_at" = now() WHERE "account" = $1`, [account]);

  beforeAll(async () => {
    // A proxy is configured, but it is not the test client: its X-Forwarded-For is not believed.
    sut = await startTestApp({ TRUSTED_PROXIES: '10.9.9.9' });
    database = sut.app.get(DataSource);
  });

  afterAll(() => sut?.close());

  describe('per account, in the database', () => {
    const email = 'fdss@demo.coupole.be';

    it('delays each failure past the fifth by 1, 2, 4, 8… seconds, counted in the shared database', async () => {
      for (let failures = 1; failures <= 10; failures++) {
        const response = await attempt(email, `wrong-${failures}`);

        expect(response.status).toBe(401);
        expect(await row(email)).toEqual({ failures, delay: loginDelaySeconds(failures, LoginAttemptsService.POLICY) });
        if (failures < 10) await waitOut(email);
      }
      expect((await row(email)).delay).toBe(16);
    });

    it('answers 429 with Retry-After during the delay, even with the right password, and other accounts are unaffected', async () => {
      const delayed = await attempt(email, 'coupole-demo');

      expect(delayed.status).toBe(429);
      expect(Number(delayed.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(delayed.headers['retry-after'])).toBeLessThanOrEqual(16);
      expect(delayed.body.message).toMatch(/try again in \d+ s/);
      expect(delayed.body.code).toBe('login_locked');
      expect((await row(email)).failures).toBe(10);
      await expect(sut.login('risome@demo.coupole.be')).resolves.toMatchObject({ user: { federation: 'risome' } });
    });

    it('lets the owner in once the delay has passed, and forgets the failures', async () => {
      await waitOut(email);

      const response = await attempt(email, 'coupole-demo');

      expect(response.status).toBe(200);
      expect(await row(email)).toBeUndefined();
    });

    it('never locks out: the delay stops growing at a minute', async () => {
      const account = 'nobody@demo.coupole.be';
      await attempt(account, 'wrong');
      await database.query(`UPDATE "login_attempts" SET "failures" = 500, "next_attempt_at" = now() WHERE "account" = $1`, [account]);

      await attempt(account, 'wrong');

      expect(await row(account)).toEqual({ failures: 501, delay: LoginAttemptsService.POLICY.maxDelaySeconds });
    });
  });

  describe('per address', () => {
    const rotating = (count: number, prefix: string) =>
      Promise.all(
        Array.from({ length: count }, (_, index) => attempt(`rotating-${prefix}-${index}@example.be`, 'wrong', `203.0.113.${index + 1}`)),
      );

    it('believes X-Forwarded-For from a configured proxy (each client has its own limit)', async () => {
      const express = sut.app.getHttpAdapter().getInstance() as Express;
      const configured = express.get('trust proxy') as unknown;
      express.set('trust proxy', ['loopback']); // what TRUSTED_PROXIES=loopback configures
      try {
        const responses = await rotating(LOGIN_THROTTLE.limit + 5, 'trusted');

        expect(responses.map((response) => response.status)).toEqual(responses.map(() => 401));
      } finally {
        express.set('trust proxy', configured);
      }
    });

    it('ignores X-Forwarded-For from anyone else: a client cannot pick a fresh address per attempt', async () => {
      const responses = await rotating(LOGIN_THROTTLE.limit + 5, 'untrusted');

      expect(responses.filter((response) => response.status === 429).length).toBeGreaterThanOrEqual(5);
    });
  });
});
