import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_DATA_DIR } from './paths';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const IN_MEMORY_DATA_DIR = 'memory://';

export interface Environment {
  PORT: number;
  DATABASE_URL?: string;
  REDIS_URL?: string;
  /**
   * Prefix of the socket.io Redis adapter's channels (its `key` option): deployments, or test
   * runs, sharing one Redis keep apart by choosing different ones. Default `socket.io`.
   */
  REDIS_PREFIX: string;
  /** Absolute path, or `memory://` for a throwaway embedded database. */
  DATA_DIR: string;
  JWT_SECRET?: string;
  PUBLIC_URL?: string;
  /**
   * Addresses of the reverse proxies whose X-Forwarded-For is believed (IPs, CIDR ranges, or
   * `loopback`, `linklocal`, `uniquelocal`); without it, no forwarded header is trusted.
   */
  TRUSTED_PROXIES?: string[];
  /** smtp:// or smtps:// URL; without it, mails are kept in the outbox table. */
  SMTP_URL?: string;
  /** Sender of notification mails; defaults to DEFAULT_MAIL_FROM. */
  MAIL_FROM?: string;
  SEED_DEMO?: boolean;
  LOG_LEVEL: LogLevel;
}

export class EnvironmentValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n  - ${problems.join('\n  - ')}`);
    this.name = EnvironmentValidationError.name;
  }
}

const JWT_SECRET_MIN_LENGTH = 32;
/** The socket.io Redis adapter's own default channel prefix. */
export const DEFAULT_REDIS_PREFIX = 'socket.io';
export const DEFAULT_MAIL_FROM = 'Coupole <no-reply@coupole.be>';

function parseUrl(value: string, protocols: string[]): URL | undefined {
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

function blankToUndefined(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

/**
 * Validates and normalises the process environment. Every bad value is reported at once,
 * each with the variable's name, so a misconfigured deployment fails with one clear message.
 */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const problems: string[] = [];
  const read = (key: string) => blankToUndefined(raw[key]);
  const isTest = read('NODE_ENV') === 'test' || read('JEST_WORKER_ID') !== undefined;

  let port = 3000;
  const rawPort = read('PORT');
  if (rawPort !== undefined) {
    port = Number(rawPort);
    if (!/^\d+$/.test(rawPort) || port < 1 || port > 65535) {
      problems.push(`PORT must be an integer between 1 and 65535 (got "${rawPort}")`);
    }
  }

  const databaseUrl = read('DATABASE_URL');
  if (databaseUrl !== undefined && !parseUrl(databaseUrl, ['postgres:', 'postgresql:'])) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }

  const redisUrl = read('REDIS_URL');
  if (redisUrl !== undefined && !parseUrl(redisUrl, ['redis:', 'rediss:'])) {
    problems.push('REDIS_URL must be a redis:// or rediss:// URL');
  }

  const redisPrefix = read('REDIS_PREFIX') ?? DEFAULT_REDIS_PREFIX;
  // The adapter builds channel names as `${prefix}#${namespace}#…`: a '#' or a space would blur them.
  if (!/^[A-Za-z0-9._:-]{1,100}$/.test(redisPrefix)) {
    problems.push(`REDIS_PREFIX must be 1 to 100 letters, digits, '.', '_', ':' or '-' (got "${redisPrefix}")`);
  }

  const rawDataDir = read('DATA_DIR');
  let dataDir = DEFAULT_DATA_DIR;
  if (rawDataDir === IN_MEMORY_DATA_DIR) dataDir = IN_MEMORY_DATA_DIR;
  else if (rawDataDir !== undefined) dataDir = isAbsolute(rawDataDir) ? rawDataDir : resolve(rawDataDir);

  const jwtSecret = read('JWT_SECRET');
  if (jwtSecret === undefined && databaseUrl !== undefined) {
    problems.push('JWT_SECRET is required when DATABASE_URL is set (every instance must share it)');
  } else if (jwtSecret !== undefined && jwtSecret.length < JWT_SECRET_MIN_LENGTH) {
    problems.push(`JWT_SECRET must be at least ${JWT_SECRET_MIN_LENGTH} characters long`);
  }

  const publicUrl = read('PUBLIC_URL');
  if (publicUrl !== undefined && !parseUrl(publicUrl, ['http:', 'https:'])) {
    problems.push('PUBLIC_URL must be an http:// or https:// URL');
  }

  const rawProxies = read('TRUSTED_PROXIES');
  const trustedProxies = rawProxies?.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  for (const entry of trustedProxies ?? []) {
    if (!isProxyAddress(entry)) {
      problems.push(`TRUSTED_PROXIES must list IP addresses, CIDR ranges, loopback, linklocal or uniquelocal (got "${entry}")`);
    }
  }

  const smtpUrl = read('SMTP_URL');
  if (smtpUrl !== undefined && !parseUrl(smtpUrl, ['smtp:', 'smtps:'])) {
    problems.push('SMTP_URL must be an smtp:// or smtps:// URL');
  }

  const mailFrom = read('MAIL_FROM');
  if (mailFrom !== undefined && !/^[^\s@<>]+@[^\s@<>]+$/.test(mailFrom.replace(/^.*<([^<>]+)>\s*$/, '$1'))) {
    problems.push('MAIL_FROM must be an email address, optionally as "Name <address>"');
  }

  const rawSeed = read('SEED_DEMO');
  if (rawSeed !== undefined && rawSeed !== '0' && rawSeed !== '1') {
    problems.push(`SEED_DEMO must be 0 or 1 (got "${rawSeed}")`);
  }

  const rawLevel = read('LOG_LEVEL');
  const logLevel = (rawLevel ?? (isTest ? 'warn' : 'info')) as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${rawLevel}")`);
  }

  if (problems.length > 0) throw new EnvironmentValidationError(problems);

  return {
    PORT: port,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    DATA_DIR: dataDir,
    JWT_SECRET: jwtSecret,
    PUBLIC_URL: publicUrl?.replace(/\/+$/, ''),
    TRUSTED_PROXIES: trustedProxies,
    SMTP_URL: smtpUrl,
    MAIL_FROM: mailFrom,
    SEED_DEMO: rawSeed === undefined ? undefined : rawSeed === '1',
    LOG_LEVEL: logLevel,
  };
}
