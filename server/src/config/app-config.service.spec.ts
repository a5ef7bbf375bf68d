import { ConfigService } from '@nestjs/config';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfigService } from './app-config.service';
import { validateEnvironment } from './environment';

function configFor(raw: Record<string, string>): AppConfigService {
  const config = new ConfigService(validateEnvironment(raw));
  // Read only what was validated, never this process's own environment.
  (config as unknown as { skipProcessEnv: boolean }).skipProcessEnv = true;
  return new AppConfigService(config as unknown as ConfigService<never, true>);
}

describe(AppConfigService.name, () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'coupole-config-'));
  });

  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('generates a JWT secret once in embedded mode and keeps it in DATA_DIR/jwt-secret', async () => {
    const first = await configFor({ DATA_DIR: dataDir }).resolveJwtSecret();
    const second = await configFor({ DATA_DIR: dataDir }).resolveJwtSecret();

    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(second).toBe(first);
    expect((await readFile(join(dataDir, 'jwt-secret'), 'utf8')).trim()).toBe(first);
    expect((await stat(join(dataDir, 'jwt-secret'))).mode & 0o777).toBe(0o600);
  });

  it('uses JWT_SECRET when given, without touching the data folder', async () => {
    const secret = 's'.repeat(40);

    await expect(configFor({ DATA_DIR: dataDir, JWT_SECRET: secret }).resolveJwtSecret()).resolves.toBe(secret);
    await expect(stat(join(dataDir, 'jwt-secret'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('marks cookies secure only behind an https PUBLIC_URL', () => {
    expect(configFor({ PUBLIC_URL: 'https://coupole.example.be' }).secureCookies).toBe(true);
    expect(configFor({ PUBLIC_URL: 'http://localhost:3000' }).secureCookies).toBe(false);
    expect(configFor({}).secureCookies).toBe(false);
  });

  it('tells the embedded and in-memory modes apart', () => {
    expect(configFor({ DATA_DIR: 'memory://' })).toMatchObject({ isEmbeddedDatabase: true, isInMemory: true });
    expect(configFor({ DATABASE_URL: 'postgres://db/coupole', JWT_SECRET: 's'.repeat(32) })).toMatchObject({ isEmbeddedDatabase: false, isInMemory: false });
  });
});
