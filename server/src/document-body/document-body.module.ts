import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CollabMetrics } from './collab-metrics';
import { DocumentBodyRepository } from './document-body.repository';
import { DocumentBodyService } from './document-body.service';
import { DocumentSnapshot } from './document-snapshot.entity';
import { DocumentUpdate } from './document-update.entity';
import { UpdateFolder } from './update-folder';

/** The documents' stored Yjs bodies; below `documents` (which seeds a new body) and `collab`. */
@Module({
  imports: [TypeOrmModule.forFeature([DocumentUpdate, DocumentSnapshot])],
  providers: [CollabMetrics, DocumentBodyService, DocumentBodyRepository, { provide: UpdateFolder, useFactory: () => new UpdateFolder() }],
  exports: [CollabMetrics, DocumentBodyService],
})
export class DocumentBodyModule {}
