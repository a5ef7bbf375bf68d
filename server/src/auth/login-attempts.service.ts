import { Injectable } from '@nestjs/common';

/**
 * Failed logins per account (by submitted email, known or not, so a lockout reveals nothing).
 * In memory: with several instances each keeps its own count, which bounds an attacker to
 * MAX_FAILURES per instance per window; the per-IP throttle still applies.
 */
@Injectable()
export class LoginAttemptsService {
  static readonly MAX_FAILURES = 5;
  static readonly WINDOW_MS = 15 * 60 * 1000;
  private static readonly PRUNE_ABOVE = 10_000;

  private readonly failures = new Map<string, number[]>();

  isLocked(account: string, now = Date.now()): boolean {
    return this.recent(account, now).length >= LoginAttemptsService.MAX_FAILURES;
  }

  recordFailure(account: string, now = Date.now()): void {
    this.failures.set(account, [...this.recent(account, now), now]);
    if (this.failures.size > LoginAttemptsService.PRUNE_ABOVE) this.prune(now);
  }

  reset(account: string): void {
    this.failures.delete(account);
  }

  private recent(account: string, now: number): number[] {
    const since = now - LoginAttemptsService.WINDOW_MS;
    return (this.failures.get(account) ?? []).filter((at) => at > since);
  }

  private prune(now: number): void {
    for (const account of this.failures.keys()) {
      if (this.recent(account, now).length === 0) this.failures.delete(account);
    }
  }
}
