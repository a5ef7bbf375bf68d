import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CollabModule } from '../collab/collab.module';
import { DocumentBodyModule } from '../document-body/document-body.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { DocumentsModule } from '../documents/documents.module';
import { EventsModule } from '../events/events.module';
import { SuggestionsModule } from '../suggestions/suggestions.module';
import { VersionsModule } from '../versions/versions.module';
import { Objection } from './objection.entity';
import { PositionChange } from './position-change.entity';
import { Position } from './position.entity';
import { Reservation } from './reservation.entity';
import { RoundAmendmentsService } from './round-amendments.service';
import { RoundClosingService } from './round-closing.service';
import { RoundDeadlinesScheduler } from './round-deadlines.scheduler';
import { RoundFollowUpService } from './round-follow-up.service';
import { Round } from './round.entity';
import { RoundsController } from './rounds.controller';
import { RoundsRepository } from './rounds.repository';
import { RoundsService } from './rounds.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Round, Position, PositionChange, Objection, Reservation]),
    DocumentsModule,
    VersionsModule,
    EventsModule,
    CollabModule,
    DocumentBodyModule,
    DecisionsModule,
    SuggestionsModule,
  ],
  controllers: [RoundsController],
  providers: [RoundsRepository, RoundsService, RoundAmendmentsService, RoundClosingService, RoundFollowUpService, RoundDeadlinesScheduler],
  exports: [RoundsService, RoundClosingService, RoundFollowUpService, RoundDeadlinesScheduler],
})
export class RoundsModule {}
