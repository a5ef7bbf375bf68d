import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommentsModule } from '../comments/comments.module';
import { DocumentsModule } from '../documents/documents.module';
import { EventsModule } from '../events/events.module';
import { FederationRemindersModule } from '../federation-reminders/federation-reminders.module';
import { RoundsModule } from '../rounds/rounds.module';
import { HomeVisit } from './home-visit.entity';
import { HomeController } from './home.controller';
import { HomeRepository } from './home.repository';
import { HomeService } from './home.service';

@Module({
  imports: [TypeOrmModule.forFeature([HomeVisit]), RoundsModule, CommentsModule, DocumentsModule, EventsModule, FederationRemindersModule],
  controllers: [HomeController],
  providers: [HomeService, HomeRepository],
})
export class HomeModule {}
