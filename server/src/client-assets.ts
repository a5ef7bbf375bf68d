import type { NestExpressApplication } from '@nestjs/platform-express';
import expressStaticGzip from 'express-static-gzip';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_DIST } from './config/paths';

/** Where Vite writes the hashed bundles; their names change whenever their content does. */
export const CLIENT_ASSETS_PATH = '/assets';
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Serves the client's hashed bundles precompressed (the build writes .br and .gz twins) and
 * cacheable for a year without revalidation. index.html itself stays revalidated on every load
 * (served by ServeStaticModule), so a new release is picked up at once.
 */
export function serveClientAssets(app: NestExpressApplication): void {
  const assets = join(CLIENT_DIST, 'assets');
  if (!existsSync(assets)) return;
  app.use(
    CLIENT_ASSETS_PATH,
    expressStaticGzip(assets, {
      enableBrotli: true,
      orderPreference: ['br', 'gz'],
      index: false,
      serveStatic: {
        immutable: true,
        maxAge: ONE_YEAR_SECONDS * 1000,
        // A missing bundle is a 404, never the SPA's index.html served as JavaScript.
        fallthrough: false,
      },
    }),
  );
}
