import { Module } from '@nestjs/common';
import { DecisionsModule } from '../decisions/decisions.module';
import { DocumentBodyModule } from '../document-body/document-body.module';
import { DocumentsModule } from '../documents/documents.module';
import { SuggestionsModule } from '../suggestions/suggestions.module';
import { VersionsModule } from '../versions/versions.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

@Module({
  imports: [DocumentsModule, DocumentBodyModule, VersionsModule, DecisionsModule, SuggestionsModule],
  controllers: [ExportsController],
  providers: [ExportsService],
  exports: [ExportsService],
})
export class ExportsModule {}
