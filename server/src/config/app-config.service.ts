import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_MAIL_FROM, Environment, IN_MEMORY_DATA_DIR, LogLevel } from './environment';

/** Typed access to the validated environment. */
@Injectable()
export class AppConfigService {
  constructor(private readonly config: ConfigService<Environment, true>) {}

  get port(): number {
    return this.config.get('PORT', { infer: true });
  }

  get databaseUrl(): string | undefined {
    return this.config.get('DATABASE_URL', { infer: true });
  }

  get redisUrl(): string | undefined {
    return this.config.get('REDIS_URL', { infer: true });
  }

  get redisPrefix(): string {
    return this.config.get('REDIS_PREFIX', { infer: true });
  }

  get dataDir(): string {
    return this.config.get('DATA_DIR', { infer: true });
  }

  get isEmbeddedDatabase(): boolean {
    return this.databaseUrl === undefined;
  }

  get isInMemory(): boolean {
    return this.isEmbeddedDatabase && this.dataDir === IN_MEMORY_DATA_DIR;
  }

  get publicUrl(): string | undefined {
    return this.config.get('PUBLIC_URL', { infer: true });
  }

  /** For Express's `trust proxy`: false (the peer is the client) unless proxies are configured. */
  get trustedProxies(): string[] | false {
    return this.config.get('TRUSTED_PROXIES', { infer: true }) ?? false;
  }

  get smtpUrl(): string | undefined {
    return this.config.get('SMTP_URL', { infer: true });
  }

  get mailFrom(): string {
    return this.config.get('MAIL_FROM', { infer: true }) ?? DEFAULT_MAIL_FROM;
  }

  get secureCookies(): boolean {
    return this.publicUrl?.startsWith('https://') ?? false;
  }

  get seedDemo(): boolean | undefined {
    return this.config.get('SEED_DEMO', { infer: true });
  }

  get logLevel(): LogLevel {
    return this.config.get('LOG_LEVEL', { infer: true });
  }

  /**
   * The configured secret, or (embedded mode only) one generated on first start and kept in
   * DATA_DIR/jwt-secret so sessions survive restarts.
   */
  async resolveJwtSecret(): Promise<string> {
    const configured = this.config.get('JWT_SECRET', { infer: true });
    if (configured) return configured;
    if (this.isInMemory) return randomBytes(48).toString('base64url');

    const file = join(this.dataDir, 'jwt-secret');
    try {
      const stored = (await readFile(file, 'utf8')).trim();
      if (stored.length >= 32) return stored;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const secret = randomBytes(48).toString('base64url');
    await mkdir(this.dataDir, { recursive: true });
    await writeFile(file, secret + '\n', { mode: 0o600 });
    return secret;
  }
}
