import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '../documents/documents.module';
import { MailModule } from '../mail/mail.module';
import { RoundsModule } from '../rounds/rounds.module';
import { UsersModule } from '../users/users.module';
import { Notification } from './notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { ReminderScheduler } from './reminder.scheduler';
import { RepresentationNotificationsListener } from './representation.listener';
import { RoundFollowUpListener } from './round-follow-up.listener';
import { RoundReminder } from './round-reminder.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Notification, RoundReminder]), UsersModule, DocumentsModule, MailModule, RoundsModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationsRepository, ReminderScheduler, RepresentationNotificationsListener, RoundFollowUpListener],
  exports: [NotificationsService],
})
export class NotificationsModule {}
