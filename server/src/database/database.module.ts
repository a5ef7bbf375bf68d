import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfigService } from '../config/app-config.service';
import { connectionOptions } from './database-options';
import { EmbeddedDatabase } from './embedded-database';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfigService, EmbeddedDatabase],
      extraProviders: [EmbeddedDatabase],
      useFactory: async (config: AppConfigService, embedded: EmbeddedDatabase) => ({
        ...connectionOptions(
          { databaseUrl: config.databaseUrl, dataDir: config.dataDir },
          config.isEmbeddedDatabase ? await embedded.connect(config.dataDir) : undefined,
        ),
        autoLoadEntities: true,
      }),
    }),
  ],
})
export class DatabaseModule {}
