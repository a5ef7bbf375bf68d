import { BadRequestException, HttpStatus, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { aUser } from '../test/fixtures';
import { hashPassword } from '../users/password';
import { UsersService } from '../users/users.service';
import { AuthService, INVALID_CREDENTIALS } from './auth.service';
import { LoginAttemptsService } from './login-attempts.service';

describe(AuthService.name, () => {
  let sut: AuthService;
  let users: jest.Mocked<Pick<UsersService, 'findByEmail' | 'findActiveById' | 'setPassword'>>;
  let attempts: jest.Mocked<Pick<LoginAttemptsService, 'begin' | 'succeeded'>>;
  const jwt = new JwtService({ secret: 'unit-test-secret-unit-test-secret-0123' });
  let passwordHash: string;

  beforeAll(async () => {
    passwordHash = await hashPassword('coupole-demo');
  });

  beforeEach(() => {
    users = { findByEmail: jest.fn(), findActiveById: jest.fn(), setPassword: jest.fn() };
    attempts = { begin: jest.fn().mockResolvedValue({ allowed: true }), succeeded: jest.fn() };
    sut = new AuthService(users as unknown as UsersService, jwt, attempts as unknown as LoginAttemptsService);
  });

  describe('login', () => {
    it('signs a token for the user on the right password', async () => {
      const user = aUser({ passwordHash });
      users.findByEmail.mockResolvedValue(user);

      const result = await sut.login('Nadia.Benali@example.be', 'coupole-demo');

      expect(users.findByEmail).toHaveBeenCalledWith('nadia.benali@example.be');
      expect(result.user).toBe(user);
      expect(jwt.decode(result.accessToken)).toMatchObject({ sub: user.id });
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
    it('returns the active user behind a valid token', async () => {
      const user = aUser();
      users.findActiveById.mockResolvedValue(user);

      await expect(sut.authenticate(await jwt.signAsync({ sub: user.id }))).resolves.toBe(user);
    });

    it('rejects a token whose user is gone or deactivated', async () => {
      users.findActiveById.mockResolvedValue(null);

      await expect(sut.authenticate(await jwt.signAsync({ sub: aUser().id }))).rejects.toBeInstanceOf(UnauthorizedException);
    });

    it('rejects a token signed with another secret', async () => {
      const foreign = await new JwtService({ secret: 'another-secret-another-secret-0123456' }).signAsync({ sub: aUser().id });

      await expect(sut.authenticate(foreign)).rejects.toBeInstanceOf(UnauthorizedException);
      expect(users.findActiveById).not.toHaveBeenCalled();
    });

    it('authenticates a socket handshake from auth.token', async () => {
      const user = aUser();
      users.findActiveById.mockResolvedValue(user);

      await expect(sut.authenticateHandshake({ auth: { token: await jwt.signAsync({ sub: user.id }) }, headers: {} })).resolves.toBe(user);
      await expect(sut.authenticateHandshake({ headers: {} })).rejects.toBeInstanceOf(UnauthorizedException);
    });
  });

  describe('changePassword', () => {
    it('stores a new hash and clears the forced change', async () => {
      const user = aUser({ passwordHash, mustChangePassword: true });

      await sut.changePassword(user, 'coupole-demo', 'un mot de passe solide');

      expect(users.setPassword).toHaveBeenCalledWith(user, expect.stringMatching(/^\$argon2id\$/));
    });

    it('refuses a wrong current password or an unchanged one', async () => {
      const user = aUser({ passwordHash });

      await expect(sut.changePassword(user, 'wrong', 'un mot de passe solide')).rejects.toThrow(new BadRequestException(['currentPassword is incorrect']));
      await expect(sut.changePassword(user, 'coupole-demo', 'coupole-demo')).rejects.toThrow(new BadRequestException(['newPassword must differ from currentPassword']));
      expect(users.setPassword).not.toHaveBeenCalled();
    });
  });
});
