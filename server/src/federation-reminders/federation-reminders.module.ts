import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../events/events.module';
import { RoundsModule } from '../rounds/rounds.module';
import { FederationReminder } from './federation-reminder.entity';
import { FederationRemindersController } from './federation-reminders.controller';
import { FederationRemindersRepository } from './federation-reminders.repository';
import { FederationRemindersService } from './federation-reminders.service';

@Module({
  imports: [TypeOrmModule.forFeature([FederationReminder]), RoundsModule, EventsModule],
  controllers: [FederationRemindersController],
  providers: [FederationRemindersService, FederationRemindersRepository],
  exports: [FederationRemindersService],
})
export class FederationRemindersModule {}
