import { forwardRef, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CollabModule } from '../collab/collab.module';
import { EventsModule } from '../events/events.module';
import { LiveModule } from '../live/live.module';
import { DemoDocumentsSeed } from './demo-documents.seed';
import { Document } from './document.entity';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

@Module({
  imports: [TypeOrmModule.forFeature([Document]), EventsModule, CollabModule, forwardRef(() => LiveModule)],
  controllers: [DocumentsController],
  providers: [DocumentsService, DemoDocumentsSeed],
  exports: [DocumentsService, DemoDocumentsSeed],
})
export class DocumentsModule {}
