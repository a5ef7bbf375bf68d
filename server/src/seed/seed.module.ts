import { Module } from '@nestjs/common';
import { BodiesModule } from '../bodies/bodies.module';
import { Clock, SystemClock } from '../common/clock';
import { DocumentBodyModule } from '../document-body/document-body.module';
import { VersionsModule } from '../versions/versions.module';
import { DemoDocumentsSeed } from './demo/documents.seed';
import { DispatchesDemoSeed } from './demo/dispatches.seed';
import { DispatchesModule } from '../dispatches/dispatches.module';
import { DocumentsModule } from '../documents/documents.module';
import { MandatesDemoSeed } from './demo/mandates.seed';
import { MandatesModule } from '../mandates/mandates.module';
import { MeetingsDemoSeed } from './demo/meetings.seed';
import { MeetingsModule } from '../meetings/meetings.module';
import { DemoIlisSeed } from './demo/ilis.seed';
import { ConsultationsDemoSeed } from './demo/consultations.seed';
import { ConsultationsModule } from '../consultations/consultations.module';
import { IlisModule } from '../ilis/ilis.module';
import { RoundsDemoSeed } from './demo/rounds.seed';
import { RoundsModule } from '../rounds/rounds.module';
import { DemoUsersSeed } from './demo-users.seed';
import { PublicationsDemoSeed } from './demo/publications.seed';
import { PublicationsModule } from '../publications/publications.module';
import { EventsModule } from '../events/events.module';
import { UsersModule } from '../users/users.module';
import { SEED_STEPS, SeedStep } from './seed-step';
import { SeedService } from './seed.service';

@Module({
  imports: [
    DocumentsModule,
    EventsModule,
    RoundsModule,
    BodiesModule,
    MandatesModule,
    MeetingsModule,
    DispatchesModule,
    PublicationsModule,
    IlisModule,
    ConsultationsModule,
    VersionsModule,
    DocumentBodyModule,
    UsersModule,
  ],
  providers: [
    // The demo's history is dated from this clock (a spec may fix it).
    { provide: Clock, useClass: SystemClock },
    DemoUsersSeed,
    DemoDocumentsSeed,
    RoundsDemoSeed,
    MandatesDemoSeed,
    MeetingsDemoSeed,
    DispatchesDemoSeed,
    DemoIlisSeed,
    ConsultationsDemoSeed,
    PublicationsDemoSeed,
    {
      provide: SEED_STEPS,
      // Order matters: later steps may rely on earlier ones (documents need users; a decided
      // round's record freezes the consultations its positions cite, so those come first).
      inject: [DemoUsersSeed, DemoDocumentsSeed, DemoIlisSeed, ConsultationsDemoSeed, RoundsDemoSeed, MandatesDemoSeed, MeetingsDemoSeed, DispatchesDemoSeed, PublicationsDemoSeed],
      useFactory: (...steps: SeedStep[]): SeedStep[] => steps,
    },
    SeedService,
  ],
  exports: [SeedService],
})
export class SeedModule {}
