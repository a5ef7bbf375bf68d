import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { API_PREFIX, buildOpenApiDocument } from '../app';
import { AppModule } from '../app.module';

/**
 * Writes the OpenAPI document without a database: in preview mode Nest reads the modules'
 * metadata but instantiates no provider, so nothing connects or listens.
 * Usage: node dist/openapi/write-openapi.js <output.json>
 */
async function writeOpenApi(output: string): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(), {
    preview: true,
    logger: false,
  });
  app.setGlobalPrefix(API_PREFIX);
  const document = buildOpenApiDocument(app);
  writeFileSync(output, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
}

const [output] = process.argv.slice(2);
if (!output) {
  console.error('usage: write-openapi <output.json>');
  process.exit(2);
}
writeOpenApi(resolve(output)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
