import {
  canArchive,
  canCreateDocuments,
  canInviteObservers,
  canonicalMarkdown,
  DOCUMENT_MARKDOWN_MAX_LENGTH,
  DOCUMENT_TITLE_MAX_LENGTH,
  documentPermissions,
  documentVisibility,
  EDITABLE_STATUSES,
  type CreateDocumentRequest,
  type DocumentAction,
  type DocumentDetailDto,
  type DocumentKind,
  type DocumentListItemDto,
  type DocumentPermissions,
  type DocumentStatus,
  type ListResponse,
  type Role,
  type TimelineEventDto,
} from '@coupole/shared';
import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DocumentBodyService } from '../document-body/document-body.service';
import { DomainEventBus, OnDomainEvent } from '../domain-events/domain-event-bus';
import type { DomainEventPayload } from '../domain-events/domain-event-map';
import { EventsService } from '../events/events.service';
import type { EventPayload } from '../events/event-payload';
import { PresenceService } from '../presence/presence.service';
import { UsersService } from '../users/users.service';
import { Document } from './document.entity';
import { DocumentsRepository } from './documents.repository';
import { importDocx, looksLikeDocx } from './docx-import';
import { DEFAULT_PAGE_SIZE, ListDocumentsQueryDto } from './dto/list-documents.query';
import { excerptOf, toDocumentFields } from './dto/document.dto';
import type { UpdateDocumentDto } from './dto/update-document.dto';
import { apiError } from '../common/api-errors';

/** Who is asking: the permission rules need only these. */
export interface DocumentActor {
  id: string;
  role: Role;
}

export interface UploadedDocx {
  originalname: string;
  buffer: Buffer;
}

/** What a connection may see in the document list: everything, or the documents listed. */
export type ListScope = 'all' | readonly string[];

const NO_PERMISSIONS: DocumentPermissions = { read: false, edit: false, comment: false, manage: false };

const FORBIDDEN_MESSAGES: Record<DocumentAction | 'invite' | 'archive', string> = {
  read: 'You may not read this document',
  edit: 'You may not edit this document',
  comment: 'You may not comment on this document',
  manage: 'Only the secretariat manages this document',
  invite: 'Only the secretariat and the document\'s author may invite or remove observers',
  archive: 'Only the secretariat and the document\'s author may archive or unarchive it',
};

@Injectable()
export class DocumentsService {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly users: UsersService,
    private readonly events: EventsService,
    private readonly body: DocumentBodyService,
    private readonly presence: PresenceService,
    private readonly bus: DomainEventBus,
  ) {}

  /** What the user may do on the document; nothing at all if it does not exist. */
  async permissionsFor(user: DocumentActor, documentId: string, manager?: EntityManager): Promise<DocumentPermissions> {
    // Outside a transaction, only what the rule reads, by one prepared statement (every /collab join).
    const access = manager ? await this.accessOf(documentId, manager) : await this.documents.accessFacts(documentId);
    return access ? documentPermissions(user, access) : NO_PERMISSIONS;
  }

  /**
   * Throws 404 when the user may not even read the document (so its existence does not leak)
   * and 403 when they may read it but not do `action`. Returns the document.
   * Inside a transaction, pass its manager.
   */
  async assertCan(user: DocumentActor, documentId: string, action: DocumentAction, manager?: EntityManager): Promise<Document> {
    const access = await this.accessOf(documentId, manager);
    const permissions = access ? documentPermissions(user, access) : NO_PERMISSIONS;
    if (!access || !permissions.read) throw new NotFoundException(`Document ${documentId} not found`);
    if (!permissions[action]) {
      if (access.archived && (action === 'edit' || action === 'comment')) {
        throw new ForbiddenException(apiError('document_archived', 'This document is archived: unarchive it to change or comment on it'));
      }
      if (action === 'edit' && (access.status === 'adopted' || access.status === 'withdrawn')) {
        throw new ForbiddenException(apiError('document_read_only', `This document is ${access.status}: it can no longer be changed`));
      }
      throw new ForbiddenException(FORBIDDEN_MESSAGES[action]);
    }
    return access.document;
  }

  async list(user: DocumentActor, query: ListDocumentsQueryDto): Promise<ListResponse<DocumentListItemDto>> {
    const [documents, total] = await this.documents.list({
      archived: query.archived === 'true',
      status: query.status,
      kind: query.kind,
      q: query.q,
      invitedUserId: documentVisibility(user) === 'invited' ? user.id : undefined,
      offset: query.offset ?? 0,
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
    });
    return {
      items: documents.map((document) => ({
        ...toDocumentFields(document),
        excerpt: excerptOf(document.markdown),
        editors: this.presence.editorsOf(document.id),
      })),
      total,
    };
  }

  async get(user: DocumentActor, documentId: string): Promise<DocumentDetailDto> {
    await this.assertCan(user, documentId, 'read');
    return this.detail(user, documentId);
  }

  /**
   * A new document in `drafting`. Its optional Markdown body is stored as the initial Yjs state
   * in the same transaction as the row, so it exists exactly once.
   */
  async create(user: DocumentActor, request: CreateDocumentRequest, importedFrom?: string): Promise<DocumentDetailDto> {
    this.assertCanCreate(user);
    const documentId = await this.documents.transaction((manager) => this.insert(manager, user.id, request, importedFrom));
    const detail = await this.detail(user, documentId);
    await this.publishDetail(detail);
    return detail;
  }

  /**
   * Inserts a document, its initial body and its `document.created` event with the caller's
   * transaction (the demo seed uses it directly). Returns the new id.
   */
  async insert(manager: EntityManager, actorId: string, request: CreateDocumentRequest, importedFrom?: string): Promise<string> {
    const markdown = request.markdown ? canonicalMarkdown(request.markdown) : '';
    const documentId = await this.documents.insert(manager, { title: request.title, kind: request.kind, status: 'drafting', markdown, createdById: actorId });
    if (markdown) await this.body.seedInitialState(manager, documentId, markdown);
    const payload: EventPayload = { title: request.title, kind: request.kind };
    if (importedFrom) payload.importedFrom = importedFrom;
    await this.events.record(manager, { documentId, type: 'document.created', actorId, payload });
    return documentId;
  }

  /** A Word document becomes a new document (title: given, else its first heading, else the file name). */
  async importDocx(user: DocumentActor, file: UploadedDocx | undefined, request: { title?: string; kind: CreateDocumentRequest['kind'] }): Promise<DocumentDetailDto> {
    this.assertCanCreate(user);
    if (!file) throw new BadRequestException(apiError('docx_required', ['file is required (a .docx Word document)']));
    if (!looksLikeDocx(file.originalname, file.buffer)) throw new BadRequestException(apiError('docx_invalid', ['file must be a .docx Word document']));
    let imported: Awaited<ReturnType<typeof importDocx>>;
    try {
      imported = await importDocx(file.buffer);
    } catch {
      throw new BadRequestException(apiError('docx_unreadable', ['file could not be read as a .docx Word document']));
    }
    if (imported.markdown.length > DOCUMENT_MARKDOWN_MAX_LENGTH) {
      throw new PayloadTooLargeException(apiError('docx_too_long', [`file holds more than ${DOCUMENT_MARKDOWN_MAX_LENGTH} characters of text`]));
    }
    const fallback = file.originalname.replace(/\.docx$/i, '').trim() || 'Document importé';
    const title = (request.title ?? imported.heading ?? fallback).slice(0, DOCUMENT_TITLE_MAX_LENGTH);
    return this.create(user, { title, kind: request.kind, markdown: imported.markdown }, file.originalname);
  }

  /** Rename, withdraw (manage permission), set the invited observers, archive or unarchive (also the author). */
  async update(user: DocumentActor, documentId: string, request: UpdateDocumentDto): Promise<DocumentDetailDto> {
    const change = await this.documents.transaction(async (manager) => {
      // Locked so a concurrent round opening or adoption cannot interleave with a withdrawal.
      await this.documents.lockForUpdate(manager, documentId);
      // Inviting and archiving are also the author's (a representative); renaming and withdrawing the secretariat's.
      const authorsToo = request.title === undefined && request.status === undefined;
      const document = await this.assertCan(user, documentId, authorsToo ? 'read' : 'manage', manager);
      if (request.observerIds !== undefined && !canInviteObservers(user, document)) throw new ForbiddenException(apiError('invite_not_allowed', FORBIDDEN_MESSAGES.invite));
      if (request.archived !== undefined && !canArchive(user, document)) throw new ForbiddenException(apiError('archive_not_allowed', FORBIDDEN_MESSAGES.archive));
      const observerIds = await this.documents.observerIdsOf(documentId, manager);
      const set: Partial<Pick<Document, 'title' | 'status' | 'archivedAt' | 'archivedById'>> = {};
      const events: Array<{ type: 'document.renamed' | 'document.withdrawn' | 'document.archived' | 'document.unarchived'; payload: EventPayload }> = [];
      const archived = document.archivedAt !== null;
      // Unarchiving comes first, so `{ archived: false, title }` works; anything else on an archived document is refused.
      const stillArchived = archived && request.archived !== false;
      const changesMore = request.title !== undefined || request.status !== undefined || request.observerIds !== undefined;
      if (stillArchived && changesMore) throw new ConflictException(apiError('document_archived', ['archived: unarchive the document before changing it']));
      if (request.archived === true && !archived) {
        if (document.status === 'in_round') throw new ConflictException(apiError('archive_round_open', ['archived: close the open consensus round before archiving the document']));
        Object.assign(set, { archivedAt: new Date(), archivedById: user.id });
        await this.body.setEditable(manager, documentId, false);
        events.push({ type: 'document.archived', payload: { status: document.status } });
      } else if (request.archived === false && archived) {
        Object.assign(set, { archivedAt: null, archivedById: null });
        await this.body.setEditable(manager, documentId, EDITABLE_STATUSES.includes(request.status ?? document.status));
        events.push({ type: 'document.unarchived', payload: { status: document.status } });
      }

      if (request.title !== undefined && request.title !== document.title) {
        set.title = request.title;
        events.push({ type: 'document.renamed', payload: { title: request.title, previousTitle: document.title } });
      }
      if (request.status === 'withdrawn' && document.status !== 'withdrawn') {
        if (request.archived === true) throw new ConflictException(apiError('document_archived', ['archived: withdraw or archive, not both at once']));
        if (document.status === 'adopted') throw new ConflictException(apiError('document_adopted', ['status: an adopted document cannot be withdrawn']));
        if (document.status === 'in_round') throw new ConflictException(apiError('document_in_round', ['status: close the open consensus round before withdrawing the document']));
        set.status = 'withdrawn';
        await this.body.setEditable(manager, documentId, false);
        events.push({ type: 'document.withdrawn', payload: { status: 'withdrawn', previousStatus: document.status } });
      }
      let added: string[] = [];
      let removed: string[] = [];
      if (request.observerIds !== undefined) {
        await this.assertObservers(manager, request.observerIds);
        added = request.observerIds.filter((id) => !observerIds.includes(id));
        removed = observerIds.filter((id) => !request.observerIds!.includes(id));
      }
      if (events.length > 0) {
        await this.documents.update(manager, documentId, set);
        for (const event of events) await this.events.record(manager, { documentId, type: event.type, actorId: user.id, payload: event.payload });
      }
      if (added.length > 0 || removed.length > 0) await this.changeObservers(manager, documentId, user.id, added, removed);
      // Archiving seals the body; unarchiving too closes open editors, which rejoin able to edit.
      const sealed = set.status === 'withdrawn' || events.some((event) => event.type === 'document.archived' || event.type === 'document.unarchived');
      return { changed: events.length > 0 || added.length > 0 || removed.length > 0, added, removed, sealed };
    });

    if (change.removed.length > 0 || change.sealed) {
      this.bus.emit('document.access_changed', { documentId, removedUserIds: change.removed, sealed: change.sealed });
    }

    if (change.added.length > 0 || change.removed.length > 0) {
      await this.bus.emitAndWait('document.observers_changed', { documentId, added: change.added, removed: change.removed });
    }
    const detail = await this.detail(user, documentId);
    if (change.changed) await this.publishDetail(detail);
    return detail;
  }

  /**
   * Invites and uninvites observers and records it, with the caller's transaction (the demo seed
   * uses it directly; `update` tells open sockets and lists after its commit).
   */
  async changeObservers(manager: EntityManager, documentId: string, actorId: string, added: string[], removed: string[]): Promise<void> {
    await this.documents.changeObservers(manager, documentId, added, removed);
    await this.events.record(manager, { documentId, type: 'document.observers_changed', actorId, payload: { observersAdded: added, observersRemoved: removed } });
  }

  async timeline(user: DocumentActor, documentId: string): Promise<ListResponse<TimelineEventDto>> {
    await this.assertCan(user, documentId, 'read');
    return this.events.timeline(documentId);
  }

  /**
   * The collab module's debounced news that the body changed. Refreshes the Markdown cache and
   * the search vector unless a later change was already recorded, logs an edit, tells the lists.
   */
  @OnDomainEvent('document.body_changed')
  async recordBodyChange({ documentId, markdown, editedAt, actorId }: DomainEventPayload<'document.body_changed'>): Promise<void> {
    const lastEditedAt = await this.documents.transaction(async (manager) => {
      const stored = await this.documents.recordEdit(manager, documentId, markdown, editedAt);
      if (stored) await this.events.record(manager, { documentId, type: 'document.edited', actorId, at: editedAt, payload: { length: markdown.length } });
      return stored;
    });
    if (!lastEditedAt) return;
    const actor = actorId ? await this.users.findById(actorId) : null;
    await this.bus.emitAndWait('document.edited', {
      documentId,
      at: editedAt,
      lastEditedAt: new Date(lastEditedAt),
      by: actor ? { userId: actor.id, displayName: actor.displayName, federation: actor.federationSlug } : null,
    });
  }

  /** The oldest document in drafting of one of these kinds whose title matches `titlePattern` (ILIKE), in the caller's transaction. */
  findOldestDrafting(manager: EntityManager, kinds: readonly DocumentKind[], titlePattern: string): Promise<Document | null> {
    return this.documents.findOldestDrafting(manager, kinds, titlePattern);
  }

  /** Dates a document's creation (and its creation event) back to `at` if it is later (a history dated in the past, such as the demo's). */
  async backdateCreation(manager: EntityManager, documentId: string, at: Date): Promise<void> {
    await this.documents.backdateCreation(manager, documentId, at);
    await this.events.backdate(manager, documentId, 'document.created', at);
  }

  /** The Markdown cache after an edit dated `at`, in the caller's transaction (a dated history, such as the demo's). */
  async setMarkdownIn(manager: EntityManager, documentId: string, markdown: string, at: Date): Promise<void> {
    await this.documents.update(manager, documentId, { markdown, lastEditedAt: at });
  }

  /** A document whose title matches `titlePattern` (ILIKE), in this status if given, in the caller's transaction. */
  findByTitle(manager: EntityManager, titlePattern: string, status?: DocumentStatus): Promise<Document | null> {
    return this.documents.findByTitle(manager, titlePattern, status);
  }

  /** Whether a document has this title, in the caller's transaction (the demo seed upserts by title). */
  existsWithTitle(manager: EntityManager, title: string): Promise<boolean> {
    return this.documents.existsWithTitle(manager, title);
  }

  /** The document row locked for update in the caller's transaction (a round opening or closing on it). */
  lockForUpdate(manager: EntityManager, documentId: string): Promise<Document | null> {
    return this.documents.lockForUpdate(manager, documentId);
  }

  /** For the rounds module, inside its transaction; its round events tell the lists after the commit. */
  async setStatus(manager: EntityManager, documentId: string, status: DocumentStatus): Promise<void> {
    const affected = await this.documents.update(manager, documentId, { status });
    if (!affected) throw new NotFoundException(`Document ${documentId} not found`);
    // In the same transaction: no edit is stored after the commit that adopts the text.
    await this.body.setEditable(manager, documentId, EDITABLE_STATUSES.includes(status));
  }

  /** A round opened or closed moved the document's status: its followers and the lists are told. */
  @OnDomainEvent('round.opened')
  @OnDomainEvent('round.closed')
  async publishUpdated({ round }: DomainEventPayload<'round.opened' | 'round.closed'>): Promise<void> {
    const document = await this.documents.findWithRelations(round.documentId);
    if (!document) return;
    await this.bus.emitAndWait('document.updated', { document: toDocumentFields(document) });
    // Adopted: open editors are closed and rejoin read-only.
    if (!EDITABLE_STATUSES.includes(document.status)) {
      this.bus.emit('document.access_changed', { documentId: document.id, removedUserIds: [], sealed: true });
    }
  }

  /** Whether each of these accounts may read the document (same rule as `assertCan`), by one lookup. */
  async readersAmong<T extends DocumentActor>(documentId: string, users: readonly T[]): Promise<T[]> {
    const access = await this.documents.accessFacts(documentId);
    if (!access) return [];
    return users.filter((user) => documentPermissions(user, access).read);
  }

  /** In the caller's transaction if given. */
  async canRead(user: DocumentActor, documentId: string, manager?: EntityManager): Promise<boolean> {
    return (await this.permissionsFor(user, documentId, manager)).read;
  }

  async titleOf(documentId: string): Promise<string> {
    const document = await this.documents.findTitle(documentId);
    if (!document) throw new NotFoundException(`Document ${documentId} not found`);
    return document.title;
  }

  /** A document's kind, read in the caller's transaction; null if there is no such document. */
  kindOf(manager: EntityManager, documentId: string): Promise<DocumentKind | null> {
    return this.documents.kindOf(manager, documentId);
  }

  /** The kinds of these documents (for the decision register's check of its stored columns). */
  async kindsOf(documentIds: string[]): Promise<Map<string, DocumentKind>> {
    const rows = await this.documents.findSummaries(documentIds);
    return new Map(rows.map((row) => [row.id, row.kind]));
  }

  /** Title and status of these documents (those that exist), for summaries such as the home page. */
  async summariesOf(documentIds: readonly string[]): Promise<Map<string, { title: string; status: DocumentStatus }>> {
    const rows = await this.documents.findSummaries(documentIds);
    return new Map(rows.map((row) => [row.id, { title: row.title, status: row.status }]));
  }

  /** The documents an observer was invited to. */
  observedDocumentIds(userId: string): Promise<string[]> {
    return this.documents.observedDocumentIds(userId);
  }

  /** For the `/live` gateway: which documents' list summaries a connection may receive. */
  async listScope(user: DocumentActor): Promise<ListScope> {
    return documentVisibility(user) === 'invited' ? this.observedDocumentIds(user.id) : 'all';
  }

  private assertCanCreate(user: DocumentActor): void {
    if (!canCreateDocuments(user.role)) throw new ForbiddenException(apiError('observers_cannot_create', 'Observers cannot create documents'));
  }

  private async detail(user: DocumentActor, documentId: string): Promise<DocumentDetailDto> {
    const document = await this.documents.findWithRelations(documentId);
    if (!document) throw new NotFoundException(`Document ${documentId} not found`);
    const permissions = documentPermissions(user, {
      status: document.status,
      observerIds: (document.observers ?? []).map((observer) => observer.id),
      archived: document.archivedAt !== null,
    });
    return {
      ...toDocumentFields(document),
      markdown: await this.body.currentMarkdown(documentId),
      permissions,
      editors: this.presence.editorsOf(documentId),
    };
  }

  private async publishDetail(detail: DocumentDetailDto): Promise<void> {
    const { markdown: _markdown, permissions: _permissions, editors: _editors, ...document } = detail;
    await this.bus.emitAndWait('document.updated', { document });
  }

  private async accessOf(
    documentId: string,
    manager?: EntityManager,
  ): Promise<{ document: Document; status: DocumentStatus; observerIds: string[]; archived: boolean } | null> {
    const document = await this.documents.findById(documentId, manager);
    if (!document) return null;
    return { document, status: document.status, observerIds: await this.documents.observerIdsOf(documentId, manager), archived: document.archivedAt !== null };
  }

  /** Only active observer accounts can be invited (the others already read every document). */
  private async assertObservers(manager: EntityManager, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    const users = await this.users.findByIds(userIds, manager);
    const byId = new Map(users.map((user) => [user.id, user]));
    const invalid = userIds.filter((id) => {
      const user = byId.get(id);
      return !user || user.role !== 'observer' || !user.active;
    });
    if (invalid.length > 0) {
      throw new BadRequestException({
        ...apiError('observers_invalid', [`observerIds must name active observer accounts (not: ${invalid.join(', ')})`]),
        fields: [{ field: 'observerIds', constraints: ['existing'] }],
      });
    }
  }
}
