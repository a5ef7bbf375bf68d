import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface LoginDelayPolicy {
  /** Failures allowed back to back before any delay. */
  freeFailures: number;
  /** The delay never grows past this: the owner of an attacked account waits at most this long. */
  maxDelaySeconds: number;
  /** An account with no attempt for this long starts afresh. */
  forgetAfterSeconds: number;
}

/** The only access to `login_attempts`; every instance shares it (PostgreSQL or PGlite). */
@Injectable()
export class LoginAttemptsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Counts an attempt as a failure before the password is checked, and sets when the next one
   * may come, all in one statement: concurrent attempts on several instances cannot slip in
   * between a check and a count. Answers the seconds to wait when the attempt must wait.
   */
  async claim(account: string, policy: LoginDelayPolicy): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
    const failures = `CASE WHEN "a"."last_attempt_at" < now() - make_interval(secs => $4) THEN 1 ELSE "a"."failures" + 1 END`;
    const delay = (count: string) =>
      `make_interval(secs => CASE WHEN ${count} > $2 THEN LEAST($3::float8, power(2, ${count} - $2 - 1)) ELSE 0 END)`;
    const claimed = (await this.dataSource.query(
      `INSERT INTO "login_attempts" AS "a" ("account", "failures", "next_attempt_at", "last_attempt_at")
         VALUES ($1, 1, now() + ${delay('1')}, now())
       ON CONFLICT ("account") DO UPDATE SET
         "failures" = ${failures},
         "next_attempt_at" = now() + ${delay(failures)},
         "last_attempt_at" = now()
       WHERE "a"."next_attempt_at" <= now()
       RETURNING "failures"`,
      [account, policy.freeFailures, policy.maxDelaySeconds, policy.forgetAfterSeconds],
    )) as unknown[];
    if (claimed.length > 0) return { allowed: true };
    const [row] = (await this.dataSource.query(
      `SELECT GREATEST(1, ceil(extract(epoch FROM "next_attempt_at" - now())))::int AS "wait" FROM "login_attempts" WHERE "account" = $1`,
      [account],
    )) as { wait: number }[];
    return { allowed: false, retryAfterSeconds: row?.wait ?? 1 };
  }

  async forget(account: string): Promise<void> {
    await this.dataSource.query('DELETE FROM "login_attempts" WHERE "account" = $1', [account]);
  }

  async forgetStale(olderThanSeconds: number): Promise<void> {
    await this.dataSource.query(
      'DELETE FROM "login_attempts" WHERE "last_attempt_at" < now() - make_interval(secs => $1) AND "next_attempt_at" < now()',
      [olderThanSeconds],
    );
  }
}
