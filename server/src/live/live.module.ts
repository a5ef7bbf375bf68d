import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DocumentsModule } from '../documents/documents.module';
import { PresenceModule } from '../presence/presence.module';
import { ConsultationLiveListener } from './consultation-live.listener';
import { InfoLiveListener } from './info-live.listener';
import { LiveAccessListener } from './live-access.listener';
import { LiveEventsListener } from './live-events.listener';
import { LiveGateway } from './live.gateway';
import { LiveService } from './live.service';
import { RoundFollowUpLiveListener } from './round-follow-up.live-listener';

/** `/live`: listens to the domain events and pushes them to the sockets allowed to see them. */
@Module({
  imports: [AuthModule, DocumentsModule, PresenceModule],
  providers: [LiveService, LiveGateway, LiveEventsListener, InfoLiveListener, ConsultationLiveListener, LiveAccessListener, RoundFollowUpLiveListener],
  exports: [LiveService],
})
export class LiveModule {}
