import { BadRequestException, HttpException, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isUUID } from 'class-validator';
import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from '../users/password';
import { User } from '../users/user.entity';
import { normaliseEmail, UsersService } from '../users/users.service';
import { AccessTokenPayload, accessTokenFromHandshake, HandshakeLike } from './access-token';
import { LoginAttemptsService } from './login-attempts.service';
import { apiError } from '../common/api-errors';
import type { ApiErrorCode } from '@coupole/shared';

export const INVALID_CREDENTIALS = 'Invalid email or password';

/** 429 with Retry-After: too many failures in a row for this account, try again shortly. */
export class LoginDelayedException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        message: `Too many failed sign-ins for this account: try again in ${retryAfterSeconds} s`,
        error: 'Too Many Requests',
        code: 'login_locked' satisfies ApiErrorCode,
        retryAfterSeconds,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

export interface LoginResult {
  accessToken: string;
  user: User;
}

@Injectable()
export class AuthService {
  // Verified against when the email is unknown, so both failures take the same time.
  private readonly dummyHash = hashPassword(randomBytes(16).toString('hex'));

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly attempts: LoginAttemptsService,
  ) {}

  async login(email: string, password: string): Promise<LoginResult> {
    const account = normaliseEmail(email);
    const attempt = await this.attempts.begin(account);
    if (!attempt.allowed) throw new LoginDelayedException(attempt.retryAfterSeconds);

    const user = await this.users.findByEmail(account);
    if (!user) {
      await verifyPassword(await this.dummyHash, password);
      throw new UnauthorizedException(apiError('invalid_credentials', INVALID_CREDENTIALS));
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      throw new UnauthorizedException(apiError('invalid_credentials', INVALID_CREDENTIALS));
    }
    if (!user.active) throw new UnauthorizedException(apiError('account_disabled', 'This account is deactivated'));

    await this.attempts.succeeded(account);
    return { accessToken: await this.sign(user), user };
  }

  /** Verifies a token and loads its user, who must still exist and be active. */
  async authenticate(token: string): Promise<User> {
    let payload: AccessTokenPayload;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload>(token);
    } catch {
      throw new UnauthorizedException(apiError('session_expired', 'Invalid or expired session'));
    }
    // A validly signed token whose sub is not a user id (another issuer's shape) is no session.
    const user = typeof payload.sub === 'string' && isUUID(payload.sub) ? await this.users.findActiveById(payload.sub) : null;
    if (!user) throw new UnauthorizedException(apiError('session_expired', 'Invalid or expired session'));
    return user;
  }

  /** For socket.io gateways: authenticates a connection from its handshake. */
  authenticateHandshake(handshake: HandshakeLike): Promise<User> {
    const token = accessTokenFromHandshake(handshake);
    if (!token) return Promise.reject(new UnauthorizedException(apiError('authentication_required', 'Authentication required')));
    return this.authenticate(token);
  }

  async changePassword(user: User, currentPassword: string, newPassword: string): Promise<void> {
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new BadRequestException(apiError('current_password_incorrect', ['currentPassword is incorrect']));
    }
    if (currentPassword === newPassword) {
      throw new BadRequestException(apiError('password_unchanged', ['newPassword must differ from currentPassword']));
    }
    await this.users.setPassword(user, await hashPassword(newPassword));
  }

  private sign(user: User): Promise<string> {
    const payload: AccessTokenPayload = { sub: user.id };
    return this.jwt.signAsync(payload);
  }
}
