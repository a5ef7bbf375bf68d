import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IlisModule } from '../ilis/ilis.module';
import { MailModule } from '../mail/mail.module';
import { AnswersController } from './answers.controller';
import { ConsultationInvitation } from './consultation-invitation.entity';
import { Consultation } from './consultation.entity';
import { ConsultationsController } from './consultations.controller';
import { ConsultationsRepository } from './consultations.repository';
import { ConsultationsScheduler } from './consultations.scheduler';
import { ConsultationsService } from './consultations.service';
import { InvitationTokens } from './invitation-tokens';
import { SeriesController } from './series.controller';

@Module({
  imports: [TypeOrmModule.forFeature([Consultation, ConsultationInvitation]), IlisModule, MailModule],
  controllers: [ConsultationsController, SeriesController, AnswersController],
  providers: [ConsultationsRepository, ConsultationsService, ConsultationsScheduler, InvitationTokens],
  exports: [ConsultationsService],
})
export class ConsultationsModule {}
