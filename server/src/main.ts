import { Logger } from '@nestjs/common';
import { createApp } from './app';
import { AppConfigService } from './config/app-config.service';
import { DEMO_PASSWORD } from './seed/demo-users.seed';
import { SeedService } from './seed/seed.service';

async function bootstrap(): Promise<void> {
  const startedAt = performance.now();
  const app = await createApp();
  const { port, publicUrl } = app.get(AppConfigService);
  await app.listen(port);
  new Logger('Bootstrap').log(
    `Coupole listening on port ${port}, ready in ${Math.round(performance.now() - startedAt)} ms`,
  );
  greet(publicUrl ?? `http://localhost:${port}`, await app.get(SeedService).activeDemoAccounts());
}

/** What the person who typed `npm start` needs: where to go, and with which demo account. */
function greet(url: string, demoAccounts: string[]): void {
  const lines = ['', `  Coupole is ready: open ${url}`];
  if (demoAccounts.length > 0) {
    lines.push(`  Demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const email of demoAccounts) lines.push(`    ${email}`);
  }
  lines.push('  Stop with Ctrl+C.', '');
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Starts the server; resolves once it listens (launch.ts then keeps the code cache). */
export function start(): Promise<void> {
  return bootstrap().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

// `node dist/main.js` (tests, development); `node dist/launch.js` runs the bundle and calls start().
if (require.main === module) void start();
