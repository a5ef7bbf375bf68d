import { Injectable } from '@nestjs/common';
import { LoginAttemptsRepository, LoginDelayPolicy } from './login-attempts.repository';

/** Seconds the next attempt must wait after `failures` failures in a row under `policy`. */
export function loginDelaySeconds(failures: number, policy: LoginDelayPolicy): number {
  if (failures <= policy.freeFailures) return 0;
  return Math.min(policy.maxDelaySeconds, 2 ** (failures - policy.freeFailures - 1));
}

export type LoginAttempt = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Failed logins per account (by submitted email, known or not, so a delay reveals nothing),
 * kept in the database so that every instance counts the same failures. Past a few failures
 * each attempt must wait 1, 2, 4… seconds, up to a minute: guessing stays slow, and the
 * rightful owner is delayed, never locked out.
 */
@Injectable()
export class LoginAttemptsService {
  static readonly POLICY: LoginDelayPolicy = { freeFailures: 5, maxDelaySeconds: 60, forgetAfterSeconds: 24 * 60 * 60 };
  private static readonly CLEAN_EVERY = 1_000;
  private claims = 0;

  constructor(private readonly attempts: LoginAttemptsRepository) {}

  /** Call before checking a password; the attempt counts as a failure until `succeeded`. */
  async begin(account: string): Promise<LoginAttempt> {
    if (++this.claims % LoginAttemptsService.CLEAN_EVERY === 0) {
      await this.attempts.forgetStale(LoginAttemptsService.POLICY.forgetAfterSeconds);
    }
    return this.attempts.claim(account, LoginAttemptsService.POLICY);
  }

  succeeded(account: string): Promise<void> {
    return this.attempts.forget(account);
  }
}
