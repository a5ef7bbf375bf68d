import { Logger } from '@nestjs/common';
import { createApp } from './app';
import { AppConfigService } from './config/app-config.service';

async function bootstrap(): Promise<void> {
  const startedAt = performance.now();
  const app = await createApp();
  const { port } = app.get(AppConfigService);
  await app.listen(port);
  new Logger('Bootstrap').log(
    `Coupole listening on port ${port}, ready in ${Math.round(performance.now() - startedAt)} ms`,
  );
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
