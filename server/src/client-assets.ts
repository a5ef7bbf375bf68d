import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfigService } from './config/app-config.service';
import { CLIENT_DIST } from './config/paths';
import { withPageMeta } from './publications/open-graph';
import { PublicSiteService } from './publications/public-site.service';

/** Where Vite writes the hashed bundles; their names change whenever their content does. */
export const CLIENT_ASSETS_PATH = '/assets';
const PUBLIC_PAGES_PATH = '/public';
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

/**
 * The public site's pages (/public, /public/:slug) are the SPA's index.html with the page's
 * title and Open Graph tags written in, so a shared link previews without running JavaScript.
 */
export function servePublicPages(app: NestExpressApplication): void {
  const indexPath = join(CLIENT_DIST, 'index.html');
  if (!existsSync(indexPath)) return;
  const site = app.get(PublicSiteService);
  const config = app.get(AppConfigService);
  let index: string | null = null;
  app.use(PUBLIC_PAGES_PATH, (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    site
      .pageMeta(request.path, config.publicUrl ?? null)
      .then((meta) => {
        if (!meta) return next();
        index ??= readFileSync(indexPath, 'utf8');
        response.setHeader('Cache-Control', 'no-cache');
        response.type('html').send(withPageMeta(index, meta));
      })
      .catch(next);
  });
}
