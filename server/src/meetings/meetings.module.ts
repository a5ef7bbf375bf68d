import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BodiesModule } from '../bodies/bodies.module';
import { DocumentsModule } from '../documents/documents.module';
import { RoundsModule } from '../rounds/rounds.module';
import { UsersModule } from '../users/users.module';
import { ActionRemindersScheduler } from './action-reminders.scheduler';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { CalendarToken, Meeting, MeetingAction, MeetingAgendaItem, MeetingAttendee } from './meeting.entity';
import { MeetingsController } from './meetings.controller';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Meeting, MeetingAttendee, MeetingAgendaItem, MeetingAction, CalendarToken]),
    BodiesModule,
    UsersModule,
    DocumentsModule,
    RoundsModule,
  ],
  controllers: [MeetingsController, CalendarController],
  providers: [MeetingsRepository, MeetingsService, CalendarService, ActionRemindersScheduler],
  exports: [MeetingsService, ActionRemindersScheduler],
})
export class MeetingsModule {}
