import type { PresenceEntry } from '@coupole/shared';
import { Injectable } from '@nestjs/common';

/**
 * Who is editing each document now, on every instance, as last reported (the live module
 * keeps it current). In memory: presence is lost with the process, as the sockets are.
 */
@Injectable()
export class PresenceService {
  private readonly editors = new Map<string, PresenceEntry[]>();

  set(documentId: string, editors: PresenceEntry[]): void {
    if (editors.length === 0) this.editors.delete(documentId);
    else this.editors.set(documentId, editors);
  }

  editorsOf(documentId: string): PresenceEntry[] {
    return this.editors.get(documentId) ?? [];
  }
}
