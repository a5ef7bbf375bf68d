import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { LoggerModule } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { pino } from 'pino';
import { join } from 'node:path';
import { AuthModule } from './auth/auth.module';
import { BodiesModule } from './bodies/bodies.module';
import { CollabModule } from './collab/collab.module';
import { CommentsModule } from './comments/comments.module';
import { ConsultationsModule } from './consultations/consultations.module';
import { AppConfigModule } from './config/app-config.module';
import { AppConfigService } from './config/app-config.service';
import { CLIENT_DIST } from './config/paths';
import { DatabaseModule } from './database/database.module';
import { DigestsModule } from './digests/digests.module';
import { DecisionsModule } from './decisions/decisions.module';
import { DispatchesModule } from './dispatches/dispatches.module';
import { DocumentsModule } from './documents/documents.module';
import { DomainEventsModule } from './domain-events/domain-events.module';
import { EventsModule } from './events/events.module';
import { ExportsModule } from './exports/exports.module';
import { FederationRemindersModule } from './federation-reminders/federation-reminders.module';
import { FederationsModule } from './federations/federations.module';
import { HealthModule } from './health/health.module';
import { InfosModule } from './infos/infos.module';
import { LiveModule } from './live/live.module';
import { IlisModule } from './ilis/ilis.module';
import { HomeModule } from './home/home.module';
import { MailModule } from './mail/mail.module';
import { MandatesModule } from './mandates/mandates.module';
import { MeetingsModule } from './meetings/meetings.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PublicationsModule } from './publications/publications.module';
import { RoundExportsModule } from './round-exports/round-exports.module';
import { RoundsModule } from './rounds/rounds.module';
import { SeedModule } from './seed/seed.module';
import { SuggestionsModule } from './suggestions/suggestions.module';
import { UsersModule } from './users/users.module';
import { VersionsModule } from './versions/versions.module';

function clientModules(): DynamicModule[] {
  // The SPA is optional: an API-only server (or the test suite) runs without a client build.
  if (!existsSync(join(CLIENT_DIST, 'index.html'))) return [];
  return [
    ServeStaticModule.forRoot({
      rootPath: CLIENT_DIST,
      exclude: ['/api/{*path}', '/socket.io/{*path}'],
    }),
  ];
}

@Module({})
export class AppModule {
  /** Built at call time so the environment is read when the app is created. */
  static forRoot(): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(),
        LoggerModule.forRootAsync({
          inject: [AppConfigService],
          useFactory: (config: AppConfigService) => ({
            // Named wildcard: path-to-regexp 8 (Express 5) rejects the default bare `*`.
            forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
            // Lines go to stdout through an asynchronous buffer: the write happens off the event
            // loop, lines that come while one is written leave together, and what is buffered is
            // written synchronously on exit. Written line by line, each request cost a write
            // syscall on the event loop (bench:rounds, test/bench/README.md).
            pinoHttp: [
              {
                level: config.logLevel,
                redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
                // One short line per request at info: no headers (debug shows them).
                serializers:
                  config.logLevel === 'debug' || config.logLevel === 'trace'
                    ? undefined
                    : {
                        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
                        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
                      },
              },
              pino.destination({ dest: 1, sync: false }),
            ],
          }),
        }),
        DatabaseModule,
        DomainEventsModule,
        UsersModule,
        AuthModule,
        FederationsModule,
        EventsModule,
        DocumentsModule,
        CollabModule,
        VersionsModule,
        CommentsModule,
        SuggestionsModule,
        InfosModule,
        DigestsModule,
        ExportsModule,
        RoundsModule,
        RoundExportsModule,
        MailModule,
        NotificationsModule,
        DecisionsModule,
        BodiesModule,
        MandatesModule,
        MeetingsModule,
        DispatchesModule,
        PublicationsModule,
        LiveModule,
        IlisModule,
        ConsultationsModule,
        FederationRemindersModule,
        HomeModule,
        HealthModule,
        SeedModule,
        ...clientModules(),
      ],
    };
  }
}
