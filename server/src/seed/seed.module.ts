import { Module } from '@nestjs/common';
import { DemoDocumentsSeed } from '../documents/demo-documents.seed';
import { DispatchesDemoSeed } from '../dispatches/dispatches-demo.seed';
import { DispatchesModule } from '../dispatches/dispatches.module';
import { DocumentsModule } from '../documents/documents.module';
import { MandatesDemoSeed } from '../mandates/mandates-demo.seed';
import { MandatesModule } from '../mandates/mandates.module';
import { MeetingsDemoSeed } from '../meetings/meetings-demo.seed';
import { MeetingsModule } from '../meetings/meetings.module';
import { DemoIlisSeed } from '../ilis/demo-ilis.seed';
import { IlisModule } from '../ilis/ilis.module';
import { RoundsDemoSeed } from '../rounds/rounds-demo.seed';
import { RoundsModule } from '../rounds/rounds.module';
import { DemoUsersSeed } from './demo-users.seed';
import { SEED_STEPS, SeedStep } from './seed-step';
import { SeedService } from './seed.service';

@Module({
  imports: [DocumentsModule, RoundsModule, MandatesModule, MeetingsModule, DispatchesModule, IlisModule],
  providers: [
    DemoUsersSeed,
    {
      provide: SEED_STEPS,
      // Order matters: later steps may rely on earlier ones (documents need users).
      inject: [DemoUsersSeed, DemoDocumentsSeed, RoundsDemoSeed, MandatesDemoSeed, MeetingsDemoSeed, DispatchesDemoSeed, DemoIlisSeed],
      useFactory: (...steps: SeedStep[]): SeedStep[] => steps,
    },
    SeedService,
  ],
  exports: [SeedService],
})
export class SeedModule {}
