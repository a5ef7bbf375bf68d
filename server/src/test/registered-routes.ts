import type { INestApplication } from '@nestjs/common';

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/**
 * Every `METHOD /path` the running Express app answers under /api, from its router stack
 * (Nest controllers and the OpenAPI routes alike). Middleware mounted for all methods is skipped.
 */
export function registeredApiRoutes(app: INestApplication): string[] {
  const router = (app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } }).router;
  const routes = new Set<string>();
  for (const { route } of router.stack) {
    if (!route || !route.path.startsWith('/api')) continue;
    const methods = Object.keys(route.methods).filter((method) => route.methods[method]);
    if (methods.length !== 1 || methods[0] === '_all') continue;
    routes.add(`${methods[0].toUpperCase()} ${route.path}`);
  }
  return [...routes].sort();
}
