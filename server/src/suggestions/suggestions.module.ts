import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CollabModule } from '../collab/collab.module';
import { CommentsModule } from '../comments/comments.module';
import { DocumentBodyModule } from '../document-body/document-body.module';
import { DocumentsModule } from '../documents/documents.module';
import { EventsModule } from '../events/events.module';
import { SuggestionAnchorsListener } from './suggestion-anchors.listener';
import { Suggestion } from './suggestion.entity';
import { SuggestionsController } from './suggestions.controller';
import { SuggestionsRepository } from './suggestions.repository';
import { SuggestionsService } from './suggestions.service';

/**
 * Suggestions (track changes) beside the Yjs body; above `collab` (accepting edits the live copy)
 * and `comments` (a card's thread is comments on the document), below `exports`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Suggestion]), DocumentBodyModule, DocumentsModule, EventsModule, CollabModule, CommentsModule],
  controllers: [SuggestionsController],
  providers: [SuggestionsRepository, SuggestionsService, SuggestionAnchorsListener],
  exports: [SuggestionsService],
})
export class SuggestionsModule {}
