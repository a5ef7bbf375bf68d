import { Global, Module } from '@nestjs/common';
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
import { ConsultationEvidence } from '../rounds/consultation-evidence';
import { ConsultationEvidenceAdapter } from './consultation-evidence.adapter';
import { ConsultationFollowAccess } from '../live/consultation-follow-access';
import { ConsultationFollowAccessAdapter } from './consultation-follow-access.adapter';
import { SeriesController } from './series.controller';

// Global for two providers: rounds (a lower layer, which must not import this module) asks
// ConsultationEvidence about the consultations a position cites, and /live asks
// ConsultationFollowAccess who may follow a consultation's answers.
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Consultation, ConsultationInvitation]), IlisModule, MailModule],
  controllers: [ConsultationsController, SeriesController, AnswersController],
  providers: [
    ConsultationsRepository,
    ConsultationsService,
    ConsultationsScheduler,
    InvitationTokens,
    ConsultationEvidenceAdapter,
    { provide: ConsultationEvidence, useExisting: ConsultationEvidenceAdapter },
    ConsultationFollowAccessAdapter,
    { provide: ConsultationFollowAccess, useExisting: ConsultationFollowAccessAdapter },
  ],
  exports: [ConsultationsService, ConsultationEvidence, ConsultationFollowAccess],
})
export class ConsultationsModule {}
