import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { join } from 'node:path';
import { AppConfigService } from './app-config.service';
import { validateEnvironment } from './environment';
import { REPO_ROOT } from './paths';

@Module({})
export class AppConfigModule {
  // A function rather than a static import so the environment is read when the app is
  // created (tests set DATABASE_URL/DATA_DIR per file), not when this file is first imported.
  static forRoot(): DynamicModule {
    return {
      module: AppConfigModule,
      global: true,
      imports: [
        ConfigModule.forRoot({
          envFilePath: join(REPO_ROOT, '.env'),
          cache: false,
          validate: validateEnvironment,
          // Only validated values: a blank variable must read as absent, not as "".
          skipProcessEnv: true,
        }),
      ],
      providers: [AppConfigService],
      exports: [AppConfigService],
    };
  }
}
