import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { ACCESS_TOKEN_COOKIE } from './auth/access-token';
import { ApiExceptionFilter, validationException } from './common/api-errors';
import { serveClientAssets, servePublicPages } from './client-assets';
import { bodyParserErrors, jsonBodyParser, rejectUnstorableText } from './common/json-body';
import { JsonOnlyGuard } from './common/json-only.guard';
import { requireOwnOriginForChanges } from './common/request-origin';
import { AppConfigService } from './config/app-config.service';
import { RealtimeIoAdapter } from './realtime/realtime-io.adapter';

export const API_PREFIX = 'api';

/** CSP for the Vite-built SPA and socket.io, both on this origin. */
export function contentSecurityPolicy(publicUrl: string | undefined) {
  const connectSrc = ["'self'"];
  if (publicUrl) {
    // Older browsers do not count ws(s):// of the same host as 'self'.
    const url = new URL(publicUrl);
    connectSrc.push(`${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`);
  }
  return {
    directives: {
      defaultSrc: ["'self'"],
      baseUri: ["'self'"],
      scriptSrc: ["'self'"],
      // The editor and Swagger UI set inline styles.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc,
      workerSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
      upgradeInsecureRequests: publicUrl?.startsWith('https://') ? [] : null,
    },
  };
}

/** Everything main.ts and the tests share: prefix, validation, security headers, docs, logs. */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  const config = app.get(AppConfigService);
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  // X-Forwarded-For only from the configured reverse proxies (TRUSTED_PROXIES): anyone else could
  // pick their own address and slip past the per-address login throttle.
  app.set('trust proxy', config.trustedProxies);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: validationException }),
  );
  app.useGlobalFilters(new ApiExceptionFilter(app.getHttpAdapter()));
  app.use(helmet({ contentSecurityPolicy: contentSecurityPolicy(config.publicUrl) }));
  app.use(cookieParser());
  serveClientAssets(app);
  servePublicPages(app);
  // CSRF: state-changing requests only from the app's own origin; bodies only as JSON (the app is
  // created with `bodyParser: false`, so no form parser exists), size- and depth-limited.
  app.use(requireOwnOriginForChanges(config.publicUrl));
  app.use(jsonBodyParser());
  app.use(bodyParserErrors);
  app.use(rejectUnstorableText);
  app.useGlobalGuards(new JsonOnlyGuard(app.get(Reflector)));
  // socket.io for every namespace, relayed between instances through Redis when REDIS_URL is set.
  app.useWebSocketAdapter(new RealtimeIoAdapter(app, config.redisUrl, config.publicUrl, config.redisPrefix));
  setUpOpenApi(app);
  return app;
}

/** The OpenAPI document of every route; also written to disk for the client's generated types. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Coupole API')
      .setDescription('Co-rédaction et décisions par consensus des fédérations ILI de Wallonie')
      .setVersion('0.1.0')
      .addBearerAuth()
      .addCookieAuth(ACCESS_TOKEN_COOKIE)
      .build(),
  );
}

function setUpOpenApi(app: INestApplication): void {
  // Built on the first request for it, not at start-up (scanning every route takes a while).
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: `${API_PREFIX}/docs-json`,
  });
}

export async function createApp(): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(), { bufferLogs: true, bodyParser: false });
  return configureApp(app);
}
