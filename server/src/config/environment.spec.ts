import { isAbsolute, join } from 'node:path';
import { EnvironmentValidationError, IN_MEMORY_DATA_DIR, validateEnvironment } from './environment';
import { DEFAULT_DATA_DIR, REPO_ROOT } from './paths';

const SECRET = 'x'.repeat(32);

function problemsOf(raw: Record<string, string>): string[] {
  try {
    validateEnvironment(raw);
  } catch (error) {
    if (error instanceof EnvironmentValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected the environment to be rejected');
}

describe(validateEnvironment.name, () => {
  it('applies the defaults for an empty environment (embedded mode)', () => {
    const sut = validateEnvironment({});

    expect(sut).toEqual({
      PORT: 3000,
      DATABASE_URL: undefined,
      REDIS_URL: undefined,
      REDIS_PREFIX: 'socket.io',
      DATA_DIR: DEFAULT_DATA_DIR,
      JWT_SECRET: undefined,
      PUBLIC_URL: undefined,
      SEED_DEMO: undefined,
      LOG_LEVEL: 'info',
    });
  });

  it('puts the default data folder at <repo>/data, whatever the working directory', () => {
    expect(DEFAULT_DATA_DIR).toBe(join(REPO_ROOT, 'data'));
    expect(validateEnvironment({}).DATA_DIR).toBe(join(REPO_ROOT, 'data'));
  });

  it('keeps memory:// and resolves a relative DATA_DIR to an absolute path', () => {
    expect(validateEnvironment({ DATA_DIR: IN_MEMORY_DATA_DIR }).DATA_DIR).toBe(IN_MEMORY_DATA_DIR);
    const relative = validateEnvironment({ DATA_DIR: 'some/folder' }).DATA_DIR;
    expect(isAbsolute(relative)).toBe(true);
    expect(relative.endsWith(join('some', 'folder'))).toBe(true);
  });

  it('defaults to the warn level under jest', () => {
    expect(validateEnvironment({ JEST_WORKER_ID: '1' }).LOG_LEVEL).toBe('warn');
    expect(validateEnvironment({ JEST_WORKER_ID: '1', LOG_LEVEL: 'debug' }).LOG_LEVEL).toBe('debug');
  });

  it('accepts a complete PostgreSQL configuration', () => {
    const sut = validateEnvironment({
      PORT: '8080',
      DATABASE_URL: 'postgres://coupole:secret@db:5432/coupole',
      REDIS_URL: 'redis://redis:6379',
      JWT_SECRET: SECRET,
      PUBLIC_URL: 'https://coupole.example.be/',
      SEED_DEMO: '0',
      LOG_LEVEL: 'debug',
    });

    expect(sut).toMatchObject({ PORT: 8080, JWT_SECRET: SECRET, PUBLIC_URL: 'https://coupole.example.be', SEED_DEMO: false, LOG_LEVEL: 'debug' });
  });

  it('reads REDIS_PREFIX, the Redis adapter channel prefix', () => {
    expect(validateEnvironment({ REDIS_PREFIX: 'coupole-staging' }).REDIS_PREFIX).toBe('coupole-staging');
  });

  it('treats blank values as absent', () => {
    expect(validateEnvironment({ DATABASE_URL: '  ', PORT: '' })).toMatchObject({ DATABASE_URL: undefined, PORT: 3000 });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be an integer between 1 and 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT must be an integer between 1 and 65535 (got "70000")'],
    [{ DATABASE_URL: 'mysql://db/coupole', JWT_SECRET: SECRET }, 'DATABASE_URL must be a postgres:// or postgresql:// URL'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL must be a redis:// or rediss:// URL'],
    [{ REDIS_PREFIX: 'a#b' }, 'REDIS_PREFIX must be 1 to 100 letters, digits, \'.\', \'_\', \':\' or \'-\' (got "a#b")'],
    [{ DATABASE_URL: 'postgres://db/coupole' }, 'JWT_SECRET is required when DATABASE_URL is set (every instance must share it)'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET must be at least 32 characters long'],
    [{ PUBLIC_URL: 'coupole.example.be' }, 'PUBLIC_URL must be an http:// or https:// URL'],
    [{ SEED_DEMO: 'yes' }, 'SEED_DEMO must be 0 or 1 (got "yes")'],
    [{ TRUSTED_PROXIES: '10.0.0.0/40' }, 'TRUSTED_PROXIES must list IP addresses, CIDR ranges, loopback, linklocal or uniquelocal (got "10.0.0.0/40")'],
    [{ TRUSTED_PROXIES: 'loopback, proxy' }, 'TRUSTED_PROXIES must list IP addresses, CIDR ranges, loopback, linklocal or uniquelocal (got "proxy")'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")'],
  ])('rejects %j with a message naming the variable', (raw, message) => {
    expect(problemsOf(raw)).toEqual([message]);
  });

  it('reads TRUSTED_PROXIES as a list of addresses, ranges and names', () => {
    expect(validateEnvironment({ TRUSTED_PROXIES: ' 172.28.0.10, 10.0.0.0/8,loopback,::1 ' }).TRUSTED_PROXIES).toEqual([
      '172.28.0.10',
      '10.0.0.0/8',
      'loopback',
      '::1',
    ]);
    expect(validateEnvironment({}).TRUSTED_PROXIES).toBeUndefined();
  });

  it('reports every bad value at once', () => {
    const problems = problemsOf({ PORT: '0', SEED_DEMO: '2', REDIS_URL: 'nope' });

    expect(problems).toHaveLength(3);
    expect(() => validateEnvironment({ PORT: '0', SEED_DEMO: '2' })).toThrow(/PORT must be .*\n.*SEED_DEMO must be/s);
  });
});
