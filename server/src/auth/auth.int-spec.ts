import type { CreateUserResponse, LoginResponse } from '@coupole/shared';
import { startTestApp, TestApp } from '../test/test-app';
import { ACCESS_TOKEN_COOKIE } from './access-token';
import { INVALID_CREDENTIALS } from './auth.service';
import { PASSWORD_CHANGE_REQUIRED } from './auth.guard';

function sessionCookie(setCookie: string[] | string | undefined): string {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const cookie = cookies.find((value) => value.startsWith(`${ACCESS_TOKEN_COOKIE}=`));
  if (!cookie) throw new Error('no session cookie set');
  return cookie;
}

describe('auth (integration)', () => {
  let sut: TestApp;
  let admin: LoginResponse;

  beforeAll(async () => {
    sut = await startTestApp();
    admin = await sut.login('admin@demo.coupole.be');
  });

  afterAll(() => sut?.close());

  describe('POST /api/auth/login', () => {
    it('returns a token and the user, and sets an httpOnly SameSite=Lax session cookie', async () => {
      const response = await sut.http().post('/api/auth/login').send({ email: 'ALEAP@demo.coupole.be', password: 'coupole-demo' });

      expect(response.status).toBe(200);
      expect(response.body.accessToken).toEqual(expect.any(String));
      expect(response.body.user).toMatchObject({ email: 'aleap@demo.coupole.be', role: 'representative', federation: 'aleap', mandate: 'titular' });
      expect(response.body.user).not.toHaveProperty('passwordHash');
      const cookie = sessionCookie(response.headers['set-cookie']);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).not.toMatch(/Secure/i);
    });

    it('gives the same 401 answer for a wrong password and for an unknown email', async () => {
      const wrongPassword = await sut.http().post('/api/auth/login').send({ email: 'codef@demo.coupole.be', password: 'not-the-password' });
      const unknownEmail = await sut.http().post('/api/auth/login').send({ email: 'nobody@demo.coupole.be', password: 'not-the-password' });

      expect(wrongPassword.status).toBe(401);
      expect(unknownEmail.status).toBe(401);
      expect(wrongPassword.body).toEqual({ statusCode: 401, message: INVALID_CREDENTIALS, error: 'Unauthorized', code: 'invalid_credentials' });
      expect(unknownEmail.body).toEqual(wrongPassword.body);
    });

    it('rejects a body without a valid email, naming the field', async () => {
      const response = await sut.http().post('/api/auth/login').send({ email: 'not-an-email', password: 'x' });

      expect(response.status).toBe(400);
      expect(response.body.message).toContain('email must be an email');
    });
  });

  describe('session', () => {
    it('accepts the session cookie', async () => {
      const login = await sut.http().post('/api/auth/login').send({ email: 'caips@demo.coupole.be', password: 'coupole-demo' });
      const cookie = sessionCookie(login.headers['set-cookie']).split(';')[0];

      const response = await sut.http().get('/api/auth/me').set('Cookie', cookie);

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ email: 'caips@demo.coupole.be', federation: 'caips' });
    });

    it('accepts a bearer token', async () => {
      const response = await sut.http().get('/api/auth/me').set('Authorization', `Bearer ${admin.accessToken}`);

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ email: 'admin@demo.coupole.be', role: 'admin' });
    });

    it('rejects a missing or forged token', async () => {
      expect((await sut.http().get('/api/auth/me')).status).toBe(401);
      const forged = await sut.http().get('/api/auth/me').set('Authorization', `Bearer ${admin.accessToken.slice(0, -4)}AAAA`);
      expect(forged.status).toBe(401);
    });

    it('clears the cookie on logout', async () => {
      const response = await sut.http().post('/api/auth/logout');

      expect(response.status).toBe(204);
      expect(sessionCookie(response.headers['set-cookie'])).toMatch(/Expires=Thu, 01 Jan 1970/);
    });

    it("stops a deactivated user's existing token at once", async () => {
      const observer = await sut.login('observateur@demo.coupole.be');
      const before = await sut.http().get('/api/federations').set('Authorization', `Bearer ${observer.accessToken}`);
      expect(before.status).toBe(200);

      const deactivate = await sut.http().patch(`/api/users/${observer.user.id}`).set('Authorization', `Bearer ${admin.accessToken}`).send({ active: false });
      expect(deactivate.status).toBe(200);

      const after = await sut.http().get('/api/federations').set('Authorization', `Bearer ${observer.accessToken}`);
      expect(after.status).toBe(401);
      const relogin = await sut.http().post('/api/auth/login').send({ email: 'observateur@demo.coupole.be', password: 'coupole-demo' });
      expect(relogin.status).toBe(401);

      await sut.http().patch(`/api/users/${observer.user.id}`).set('Authorization', `Bearer ${admin.accessToken}`).send({ active: true }).expect(200);
    });
  });

  describe('a new account with a temporary password', () => {
    let created: CreateUserResponse;

    beforeAll(async () => {
      const response = await sut
        .http()
        .post('/api/users')
        .set('Authorization', `Bearer ${admin.accessToken}`)
        .send({ email: 'Claire.Martin@Example.be', displayName: 'Claire Martin', role: 'facilitator' });
      expect(response.status).toBe(201);
      created = response.body as CreateUserResponse;
    });

    it('may only read itself, change its password or log out until the password is changed', async () => {
      const { accessToken, user } = await sut.login('claire.martin@example.be', created.temporaryPassword);
      expect(user.mustChangePassword).toBe(true);
      const auth = `Bearer ${accessToken}`;

      const federations = await sut.http().get('/api/federations').set('Authorization', auth);
      expect(federations.status).toBe(403);
      expect(federations.body.message).toBe(PASSWORD_CHANGE_REQUIRED);
      expect((await sut.http().get('/api/auth/me').set('Authorization', auth)).status).toBe(200);

      const tooShort = await sut.http().post('/api/auth/password').set('Authorization', auth).send({ currentPassword: created.temporaryPassword, newPassword: 'short' });
      expect(tooShort.status).toBe(400);
      expect(tooShort.body.message).toContain('newPassword must be longer than or equal to 10 characters');

      const wrongCurrent = await sut.http().post('/api/auth/password').set('Authorization', auth).send({ currentPassword: 'not-it-at-all', newPassword: 'un mot de passe solide' });
      expect(wrongCurrent.status).toBe(400);
      expect(wrongCurrent.body.message).toContain('currentPassword is incorrect');

      const changed = await sut.http().post('/api/auth/password').set('Authorization', auth).send({ currentPassword: created.temporaryPassword, newPassword: 'un mot de passe solide' });
      expect(changed.status).toBe(204);

      expect((await sut.http().get('/api/federations').set('Authorization', auth)).status).toBe(200);
      const relogin = await sut.login('claire.martin@example.be', 'un mot de passe solide');
      expect(relogin.user.mustChangePassword).toBe(false);
      const oldPassword = await sut.http().post('/api/auth/login').send({ email: 'claire.martin@example.be', password: created.temporaryPassword });
      expect(oldPassword.status).toBe(401);
    });
  });
});
