import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module';
import { DocumentsModule } from '../documents/documents.module';
import { VersionsModule } from '../versions/versions.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

@Module({
  imports: [DocumentsModule, VersionsModule, CollabModule],
  controllers: [ExportsController],
  providers: [ExportsService],
  exports: [ExportsService],
})
export class ExportsModule {}
