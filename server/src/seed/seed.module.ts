import { Module } from '@nestjs/common';
import { DemoDocumentsSeed } from '../documents/demo-documents.seed';
import { DocumentsModule } from '../documents/documents.module';
import { RoundsDemoSeed } from '../rounds/rounds-demo.seed';
import { RoundsModule } from '../rounds/rounds.module';
import { DemoUsersSeed } from './demo-users.seed';
import { SEED_STEPS, SeedStep } from './seed-step';
import { SeedService } from './seed.service';

@Module({
  imports: [DocumentsModule, RoundsModule],
  providers: [
    DemoUsersSeed,
    {
      provide: SEED_STEPS,
      // Order matters: later steps may rely on earlier ones (documents need users).
      inject: [DemoUsersSeed, DemoDocumentsSeed, RoundsDemoSeed],
      useFactory: (...steps: SeedStep[]): SeedStep[] => steps,
    },
    SeedService,
  ],
  exports: [SeedService],
})
export class SeedModule {}
