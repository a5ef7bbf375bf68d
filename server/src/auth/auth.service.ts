import { BadRequestException, HttpException, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isUUID } from 'class-validator';
import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from '../users/password';
import { User } from '../users/user.entity';
import { normaliseEmail, UsersService } from '../users/users.service';
import { DomainEventBus } from '../domain-events/domain-event-bus';
import { AccessTokenPayload, accessTokenFromHandshake, Authenticated, HandshakeLike, SESSION_TTL_SECONDS } from './access-token';
import { AuthSessionsRepository } from './auth-sessions.repository';
import { LoginAttemptsService } from './login-attempts.service';
import { apiError } from '../common/api-errors';
import type { ApiErrorCode, CreateUserResponse } from '@coupole/shared';

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

/** Signed tokens remembered as verified; past this many, the oldest is forgotten (and checked again if it comes back). */
const MAX_VERIFIED_TOKENS = 10_000;

const sessionInvalid = () => new UnauthorizedException(apiError('session_expired', 'Invalid or expired session'));
/** Ended sessions are kept a day (for the record of a just-revoked token), then deleted. */
const ENDED_SESSION_RETENTION_MS = 24 * 60 * 60 * 1000;

export interface LoginResult {
  accessToken: string;
  user: User;
  sessionId: string;
  sessionExpiresAt: Date;
}

@Injectable()
export class AuthService {
  // Verified against when the email is unknown, so both failures take the same time.
  private readonly dummyHash = hashPassword(randomBytes(16).toString('hex'));
  /** Tokens whose signature was checked, oldest first, until they expire. */
  private readonly verifiedTokens = new Map<string, AccessTokenPayload & { exp: number }>();

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly attempts: LoginAttemptsService,
    private readonly sessions: AuthSessionsRepository,
    private readonly events: DomainEventBus,
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
    await this.sessions.purgeEnded(new Date(Date.now() - ENDED_SESSION_RETENTION_MS));
    const session = await this.sessions.create(user.id, new Date(Date.now() + SESSION_TTL_SECONDS * 1000));
    await this.users.recordSignIn(user.id, new Date());
    return { accessToken: await this.sign(user, session.id), user, sessionId: session.id, sessionExpiresAt: session.expiresAt };
  }

  /**
   * Verifies a token and loads its user, who must still exist and be active, and its session,
   * which must be neither revoked nor expired: a revocation takes effect on the next request.
   */
  async authenticate(token: string): Promise<Authenticated> {
    let payload: AccessTokenPayload;
    try {
      payload = await this.verifiedToken(token);
    } catch {
      throw sessionInvalid();
    }
    // A validly signed token whose sub or sid is not an id (another issuer's shape) is no session.
    if (!isUuid(payload.sub) || !isUuid(payload.sid)) throw sessionInvalid();
    const [user, session] = await Promise.all([this.users.findActiveById(payload.sub), this.sessions.findLive(payload.sid, payload.sub)]);
    if (!user || !session) throw sessionInvalid();
    return { user, sessionId: session.id, sessionExpiresAt: session.expiresAt };
  }

  /**
   * The payload of a token whose signature was checked: a token the open app sends again is not
   * checked again until it expires (its signature cannot have changed, the secret neither).
   * Whether its user and session still hold is read on every request all the same.
   */
  private async verifiedToken(token: string): Promise<AccessTokenPayload> {
    const known = this.verifiedTokens.get(token);
    if (known && known.exp * 1000 > Date.now()) return known;
    this.verifiedTokens.delete(token);
    const payload = await this.jwt.verifyAsync<AccessTokenPayload & { exp: number }>(token);
    if (typeof payload.exp === 'number') {
      if (this.verifiedTokens.size >= MAX_VERIFIED_TOKENS) this.verifiedTokens.delete(this.verifiedTokens.keys().next().value!);
      this.verifiedTokens.set(token, payload);
    }
    return payload;
  }

  /** A fresh access token for a live session (the open app renews its token before it expires). */
  async refresh(session: Authenticated): Promise<LoginResult> {
    return {
      accessToken: await this.sign(session.user, session.sessionId),
      user: session.user,
      sessionId: session.sessionId,
      sessionExpiresAt: session.sessionExpiresAt,
    };
  }

  /** Ends the session of this token at once (its sockets close); an invalid token is ignored. */
  async logout(token: string | undefined): Promise<void> {
    if (!token) return;
    let session: Authenticated;
    try {
      session = await this.authenticate(token);
    } catch {
      return;
    }
    await this.sessions.revoke(session.sessionId);
    this.events.emit('auth.sessions_revoked', { userId: session.user.id, sessionId: session.sessionId });
  }

  /** Ends every session of the user, this one included. */
  async logoutEverywhere(user: User): Promise<void> {
    await this.sessions.revokeAllOf(user.id);
    this.events.emit('auth.sessions_revoked', { userId: user.id });
  }

  /**
   * For an open socket, whose handshake token may have expired since: its user must still be
   * active and its session live.
   */
  async recheck(userId: string, sessionId: string): Promise<User> {
    const [user, session] = await Promise.all([this.users.findActiveById(userId), this.sessions.findLive(sessionId, userId)]);
    if (!user || !session) throw sessionInvalid();
    return user;
  }

  /** For socket.io gateways: authenticates a connection from its handshake. */
  authenticateHandshake(handshake: HandshakeLike): Promise<Authenticated> {
    const token = accessTokenFromHandshake(handshake);
    if (!token) return Promise.reject(new UnauthorizedException(apiError('authentication_required', 'Authentication required')));
    return this.authenticate(token);
  }

  /** Every other session of the user ends: whoever knew the old password is signed out. */
  async changePassword(user: User, sessionId: string, currentPassword: string, newPassword: string): Promise<void> {
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new BadRequestException(apiError('current_password_incorrect', ['currentPassword is incorrect']));
    }
    if (currentPassword === newPassword) {
      throw new BadRequestException(apiError('password_unchanged', ['newPassword must differ from currentPassword']));
    }
    await this.users.setPassword(user, await hashPassword(newPassword));
    await this.sessions.revokeAllOf(user.id, sessionId);
    this.events.emit('auth.sessions_revoked', { userId: user.id, exceptSessionId: sessionId });
  }

  /**
   * An admin gives the account a temporary password: every session of the account ends at once
   * (its open sockets close) and the next sign-in must choose a new password.
   */
  async resetPassword(actor: User, userId: string): Promise<CreateUserResponse> {
    const reset = await this.users.resetPassword(actor, userId);
    await this.sessions.revokeAllOf(userId);
    this.events.emit('auth.sessions_revoked', { userId });
    return reset;
  }

  private sign(user: User, sessionId: string): Promise<string> {
    const payload: AccessTokenPayload = { sub: user.id, sid: sessionId };
    return this.jwt.signAsync(payload);
  }
}

function isUuid(value: unknown): value is string {
  return typeof value === 'string' && isUUID(value);
}
