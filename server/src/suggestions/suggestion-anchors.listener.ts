import { Injectable, Logger } from '@nestjs/common';
import { OnDomainEvent } from '../domain-events/domain-event-bus';
import type { DomainEventPayload } from '../domain-events/domain-event-map';
import { SuggestionsService } from './suggestions.service';

/** After edits of a body settle: orphan (or re-anchor) the suggestions whose text moved away. */
@Injectable()
export class SuggestionAnchorsListener {
  private readonly logger = new Logger(SuggestionAnchorsListener.name);

  constructor(private readonly suggestions: SuggestionsService) {}

  @OnDomainEvent('document.body_changed')
  async bodyChanged({ documentId }: DomainEventPayload<'document.body_changed'>): Promise<void> {
    try {
      await this.suggestions.checkAnchors(documentId);
    } catch (error) {
      this.logger.warn(`Could not check the suggestions of ${documentId}: ${String(error)}`);
    }
  }
}
