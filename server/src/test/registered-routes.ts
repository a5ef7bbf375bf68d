import type { INestApplication } from '@nestjs/common';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { GATEWAY_METADATA, GATEWAY_OPTIONS, MESSAGE_MAPPING_METADATA, MESSAGE_METADATA } from '@nestjs/websockets/constants';

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

/**
 * Every socket message a client may send: the `@SubscribeMessage` handlers of every gateway the
 * app holds, with the gateway's namespace.
 */
export function registeredSocketMessages(app: INestApplication): { namespace: string; event: string }[] {
  const scanner = new MetadataScanner();
  const messages = new Map<string, { namespace: string; event: string }>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype, instance } of module.providers.values()) {
      if (!metatype || !instance || !Reflect.getMetadata(GATEWAY_METADATA, metatype)) continue;
      const namespace = (Reflect.getMetadata(GATEWAY_OPTIONS, metatype) as { namespace?: string } | undefined)?.namespace ?? '/';
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as object;
        if (!Reflect.getMetadata(MESSAGE_MAPPING_METADATA, handler)) continue;
        const event = Reflect.getMetadata(MESSAGE_METADATA, handler) as string;
        messages.set(`${namespace} ${event}`, { namespace, event });
      }
    }
  }
  return [...messages.values()].sort((a, b) => `${a.namespace} ${a.event}`.localeCompare(`${b.namespace} ${b.event}`));
}
