import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DocumentBodyModule } from '../document-body/document-body.module';
import { DocumentsModule } from '../documents/documents.module';
import { FederationsModule } from '../federations/federations.module';
import { RealtimeModule } from '../realtime/realtime.module';
import { CollabAccessListener } from './collab-access.listener';
import { CollabRelay } from './collab-relay';
import { CollabResync } from './collab-resync';
import { CollabGateway } from './collab.gateway';
import { CollabService } from './collab.service';
import { DocumentStateService } from './document-state.service';

/** The socket side of co-editing (`/collab`, live copies, relay between instances), above `documents`. */
@Module({
  imports: [AuthModule, DocumentBodyModule, DocumentsModule, FederationsModule, RealtimeModule],
  providers: [CollabRelay, DocumentStateService, CollabService, CollabGateway, CollabAccessListener, CollabResync],
  exports: [DocumentStateService],
})
export class CollabModule {}
