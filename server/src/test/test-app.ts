import type { LoginResponse } from '@coupole/shared';
import { ModuleRef } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { App } from 'supertest/types';
import { configureApp } from '../app';
import { AppModule } from '../app.module';
import { EmbeddedDatabase } from '../database/embedded-database';
import { DEMO_PASSWORD } from '../seed/demo-users.seed';
import { readPgliteTemplate, TemplatedEmbeddedDatabase } from './pglite-template';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: NestExpressApplication;
  http: () => ReturnType<typeof request>;
  login(email: string, password?: string): Promise<LoginResponse>;
  close(): Promise<void>;
}

const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';

/**
 * With REDIS_URL, each app gets its own adapter channels: specs running side by side (or other
 * runs on the same Redis) never hear each other's room broadcasts.
 */
function uniqueRedisPrefix(): string {
  return `coupole-test-${randomBytes(6).toString('hex')}`;
}

async function buildApp(): Promise<NestExpressApplication> {
  let builder = Test.createTestingModule({ imports: [AppModule.forRoot()] });
  const template = await readPgliteTemplate();
  if (template) {
    builder = builder.overrideProvider(EmbeddedDatabase).useFactory({
      factory: (moduleRef: ModuleRef) => new TemplatedEmbeddedDatabase(moduleRef, template),
      inject: [ModuleRef],
    });
  }
  const moduleRef = await builder.compile();
  return configureApp(moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true, bodyParser: false }));
}

/**
 * Boots the whole app, configured as main.ts does, with the real migrations and the demo seed,
 * on a fresh database (see createTestDatabase). One per spec file: a boot costs seconds.
 */
export async function startTestApp(environment: Record<string, string> = {}): Promise<TestApp> {
  const database: TestDatabase = await createTestDatabase();
  const previous = { ...process.env };
  Object.assign(process.env, {
    DATA_DIR: database.dataDir,
    JWT_SECRET: TEST_JWT_SECRET,
    SEED_DEMO: '1',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    REDIS_PREFIX: uniqueRedisPrefix(),
    ...environment,
  });
  if (database.databaseUrl) process.env.DATABASE_URL = database.databaseUrl;

  let app: NestExpressApplication;
  try {
    app = await buildApp();
    await app.init();
  } catch (error) {
    process.env = previous;
    await database.drop();
    throw error;
  }

  const http = () => request(app.getHttpServer() as App);
  return {
    app,
    http,
    async login(email, password = DEMO_PASSWORD) {
      const response = await http().post('/api/auth/login').send({ email, password });
      if (response.status !== 200) throw new Error(`Login as ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as LoginResponse;
    },
    async close() {
      await app.close();
      process.env = previous;
      await database.drop();
    },
  };
}
