import { BadRequestException, HttpStatus, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { aUser } from '../test/fixtures';
import { hashPassword } from '../users/password';
import { UsersService } from '../users/users.service';
import type { AuthSession } from './auth-session.entity';
import type { AuthSessionsRepository } from './auth-sessions.repository';
import { AuthService, INVALID_CREDENTIALS } from './auth.service';
import type { DomainEventBus } from '../domain-events/domain-event-bus';
import { LoginAttemptsService } from './login-attempts.service';

describe(AuthService.name, () => {
  let sut: AuthService;
  let users: jest.Mocked<Pick<UsersService, 'findByEmail' | 'findActiveById' | 'setPassword' | 'recordSignIn'>>;
  let attempts: jest.Mocked<Pick<LoginAttemptsService, 'begin' | 'succeeded'>>;
  let sessions: jest.Mocked<Pick<AuthSessionsRepository, 'create' | 'findLive' | 'revoke' | 'revokeAllOf' | 'purgeEnded'>>;
  let events: { emit: jest.Mock };
  const session: AuthSession = { id: 'c0000000-0000-4000-8000-000000000009', userId: aUser().id, createdAt: new Date(), expiresAt: new Date(Date.now() + 3_600_000), revokedAt: null };
  const token = (sub: string, sid = session.id) => jwt.signAsync({ sub, sid });
  const jwt = new JwtService({ secret: 'unit-test-secret-unit-test-secret-0123' });
  let passwordHash: string;

  beforeAll(async () => {
    passwordHash = await hashPassword('coupole-demo');
  });

  beforeEach(() => {
    users = { findByEmail: jest.fn(), findActiveById: jest.fn(), setPassword: jest.fn(), recordSignIn: jest.fn() };
    attempts = { begin: jest.fn().mockResolvedValue({ allowed: true }), succeeded: jest.fn() };
    sessions = {
      create: jest.fn().mockResolvedValue(session),
      findLive: jest.fn().mockResolvedValue(session),
      revoke: jest.fn(),
      revokeAllOf: jest.fn(),
      purgeEnded: jest.fn(),
    };
    events = { emit: jest.fn() };
    sut = new AuthService(users as unknown as UsersService, jwt, attempts as unknown as LoginAttemptsService, sessions as unknown as AuthSessionsRepository, events as unknown as DomainEventBus);
  });

  describe('login', () => {
    it('signs a token for the user on the right password', async () => {
      const user = aUser({ passwordHash });
      users.findByEmail.mockResolvedValue(user);

      const result = await sut.login('Nadia.Benali@example.be', 'coupole-demo');

      expect(users.findByEmail).toHaveBeenCalledWith('nadia.benali@example.be');
      expect(result.user).toBe(user);
      expect(jwt.decode(result.accessToken)).toMatchObject({ sub: user.id, sid: session.id });
      expect(sessions.create).toHaveBeenCalledWith(user.id, expect.any(Date));
      expect(users.recordSignIn).toHaveBeenCalledWith(user.id, expect.any(Date));
    });

    it('answers the same for an unknown email and a wrong password, and counts both (never forgets them)', async () => {
      users.findByEmail.mockResolvedValueOnce(null).mockResolvedValueOnce(aUser({ passwordHash }));

      await expect(sut.login('ghost@example.be', 'whatever')).rejects.toThrow(new UnauthorizedException(INVALID_CREDENTIALS));
      await expect(sut.login('nadia.benali@example.be', 'wrong')).rejects.toThrow(new UnauthorizedException(INVALID_CREDENTIALS));
      expect(attempts.begin.mock.calls).toEqual([['ghost@example.be'], ['nadia.benali@example.be']]);
      expect(attempts.succeeded).not.toHaveBeenCalled();
    });

    it('answers 429 with the wait for a delayed account without looking it up', async () => {
      attempts.begin.mockResolvedValue({ allowed: false, retryAfterSeconds: 8 });

      await expect(sut.login('nadia.benali@example.be', 'coupole-demo')).rejects.toMatchObject({
        status: HttpStatus.TOO_MANY_REQUESTS,
        retryAfterSeconds: 8,
      });
      expect(users.findByEmail).not.toHaveBeenCalled();
    });

    it('refuses a deactivated account even with the right password', async () => {
      users.findByEmail.mockResolvedValue(aUser({ passwordHash, active: false }));

      await expect(sut.login('nadia.benali@example.be', 'coupole-demo')).rejects.toBeInstanceOf(UnauthorizedException);
    });
  });

  describe('authenticate', () => {
    it('returns the active user and live session behind a valid token', async () => {
      const user = aUser();
      users.findActiveById.mockResolvedValue(user);

      await expect(sut.authenticate(await token(user.id))).resolves.toEqual({ user, sessionId: session.id, sessionExpiresAt: session.expiresAt });
      expect(sessions.findLive).toHaveBeenCalledWith(session.id, user.id);
    });

    it('rejects a token whose user is gone or deactivated', async () => {
      users.findActiveById.mockResolvedValue(null);

      await expect(sut.authenticate(await token(aUser().id))).rejects.toBeInstanceOf(UnauthorizedException);
    });

    it('rejects a token whose session was revoked or expired, or that names no session', async () => {
      users.findActiveById.mockResolvedValue(aUser());
      sessions.findLive.mockResolvedValue(null);

      await expect(sut.authenticate(await token(aUser().id))).rejects.toBeInstanceOf(UnauthorizedException);
      await expect(sut.authenticate(await jwt.signAsync({ sub: aUser().id }))).rejects.toBeInstanceOf(UnauthorizedException);
    });

    it('checks a token\'s signature once, then until it expires reads only its user and session, and refuses it expired', async () => {
      const user = aUser();
      users.findActiveById.mockResolvedValue(user);
      const verify = jest.spyOn(jwt, 'verifyAsync');
      const expiring = await jwt.signAsync({ sub: user.id, sid: session.id }, { expiresIn: 60 });
      try {
        await sut.authenticate(expiring);
        await sut.authenticate(expiring);
        expect(verify).toHaveBeenCalledTimes(1);
        expect(users.findActiveById).toHaveBeenCalledTimes(2);
        expect(sessions.findLive).toHaveBeenCalledTimes(2);

        sessions.findLive.mockResolvedValueOnce(null);
        await expect(sut.authenticate(expiring)).rejects.toBeInstanceOf(UnauthorizedException);

        jest.useFakeTimers({ now: Date.now() + 61_000, doNotFake: ['nextTick', 'setImmediate'] });
        await expect(sut.authenticate(expiring)).rejects.toBeInstanceOf(UnauthorizedException);
        expect(verify).toHaveBeenCalledTimes(2);
      } finally {
        jest.useRealTimers();
        verify.mockRestore();
      }
    });

    it('rejects a token signed with another secret', async () => {
      const foreign = await new JwtService({ secret: 'another-secret-another-secret-0123456' }).signAsync({ sub: aUser().id });

      await expect(sut.authenticate(foreign)).rejects.toBeInstanceOf(UnauthorizedException);
      expect(users.findActiveById).not.toHaveBeenCalled();
    });

    it('authenticates a socket handshake from auth.token', async () => {
      const user = aUser();
      users.findActiveById.mockResolvedValue(user);

      await expect(sut.authenticateHandshake({ auth: { token: await token(user.id) }, headers: {} })).resolves.toMatchObject({ user });
      await expect(sut.authenticateHandshake({ headers: {} })).rejects.toBeInstanceOf(UnauthorizedException);
    });
  });

  describe('logout', () => {
    it('revokes the session of the token and tells its sockets', async () => {
      users.findActiveById.mockResolvedValue(aUser());

      await sut.logout(await token(aUser().id));

      expect(sessions.revoke).toHaveBeenCalledWith(session.id);
      expect(events.emit).toHaveBeenCalledWith('auth.sessions_revoked', { userId: aUser().id, sessionId: session.id });
    });

    it('ignores a missing or invalid token', async () => {
      await sut.logout(undefined);
      await sut.logout('not-a-token');

      expect(sessions.revoke).not.toHaveBeenCalled();
    });

    it('ends every session of the user when asked to log out everywhere', async () => {
      await sut.logoutEverywhere(aUser());

      expect(sessions.revokeAllOf).toHaveBeenCalledWith(aUser().id);
      expect(events.emit).toHaveBeenCalledWith('auth.sessions_revoked', { userId: aUser().id });
    });
  });

  describe('changePassword', () => {
    it('stores a new hash, clears the forced change and ends every other session', async () => {
      const user = aUser({ passwordHash, mustChangePassword: true });

      await sut.changePassword(user, session.id, 'coupole-demo', 'un mot de passe solide');

      expect(users.setPassword).toHaveBeenCalledWith(user, expect.stringMatching(/^\$argon2id\$/));
      expect(sessions.revokeAllOf).toHaveBeenCalledWith(user.id, session.id);
      expect(events.emit).toHaveBeenCalledWith('auth.sessions_revoked', { userId: user.id, exceptSessionId: session.id });
    });

    it('refuses a wrong current password or an unchanged one', async () => {
      const user = aUser({ passwordHash });

      await expect(sut.changePassword(user, session.id, 'wrong', 'un mot de passe solide')).rejects.toThrow(new BadRequestException(['currentPassword is incorrect']));
      await expect(sut.changePassword(user, session.id, 'coupole-demo', 'coupole-demo')).rejects.toThrow(new BadRequestException(['newPassword must differ from currentPassword']));
      expect(users.setPassword).not.toHaveBeenCalled();
    });
  });
});
