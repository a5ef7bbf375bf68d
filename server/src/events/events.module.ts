import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DomainEvent } from './event.entity';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';

/** The event log. Its read side (the timeline route) is served by DocumentsController. */
@Module({
  imports: [TypeOrmModule.forFeature([DomainEvent])],
  providers: [EventsService, EventsRepository],
  exports: [EventsService],
})
export class EventsModule {}
