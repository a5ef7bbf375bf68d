import type { DocumentPermissions, PresenceEntry } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DocumentsService } from '../documents/documents.service';
import { LiveService } from '../live/live.service';
import type { User } from '../users/user.entity';

/**
 * What the collab module asks of the documents and live modules. Those depend on the collab
 * module (seeding, current Markdown), so their services are looked up at call time rather than
 * injected, which would make a cycle of modules.
 */
@Injectable()
export class DocumentBodyLink {
  constructor(private readonly moduleRef: ModuleRef) {}

  /** Read and edit rights; an unknown document reads as one the user may not see. */
  permissions(user: User, documentId: string): Promise<Pick<DocumentPermissions, 'read' | 'edit'>> {
    return this.documents().permissionsFor(user, documentId);
  }

  recordBodyChange(documentId: string, markdown: string, editedAt: Date, actorId: string | null): Promise<unknown> {
    return this.documents().recordBodyChange(documentId, markdown, editedAt, actorId);
  }

  async setPresence(documentId: string, editors: PresenceEntry[]): Promise<void> {
    this.moduleRef.get(LiveService, { strict: false }).setPresence(documentId, editors);
  }

  private documents(): DocumentsService {
    return this.moduleRef.get(DocumentsService, { strict: false });
  }
}
