import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { CollabMetrics } from './collab-metrics';
import { CollabRelay } from './collab-relay';
import { CollabGateway } from './collab.gateway';
import { CollabService } from './collab.service';
import { DocumentBodyLink } from './document-body-link';
import { DocumentSnapshot } from './document-snapshot.entity';
import { DocumentStateService } from './document-state.service';
import { DocumentUpdate } from './document-update.entity';

@Module({
  imports: [TypeOrmModule.forFeature([DocumentUpdate, DocumentSnapshot]), AuthModule],
  providers: [CollabMetrics, CollabRelay, DocumentBodyLink, DocumentStateService, CollabService, CollabGateway],
  exports: [DocumentStateService],
})
export class CollabModule {}
