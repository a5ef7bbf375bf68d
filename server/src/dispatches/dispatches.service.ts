import {
  changeDispatch,
  DEFAULT_DISPATCH_OVERDUE_DAYS,
  DISPATCH_STATUSES,
  DISPATCHABLE_KINDS,
  dispatchDueDate,
  isDispatchable,
  isDispatchOverdue,
  type DispatchDto,
  type DocumentKind,
  type ListResponse,
} from '@coupole/shared';
import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isSecretariat } from '../bodies/bodies.service';
import { DocumentsService } from '../documents/documents.service';
import { Dispatch } from './dispatch.entity';
import { checkedPdf, type PdfFile, type UploadedPdf } from '../common/pdf-files';
import { type AnswerFileFacts, DispatchesRepository } from './dispatches.repository';
import type { CreateDispatchDto, ListDispatchesQueryDto, UpdateDispatchDto } from './dto/dispatch.dto';
import type { Actor } from '../users/actor';

/** A past dispatch: to whom, where it stands, when it was sent and answered. */
export type DispatchHistory = Pick<Dispatch, 'recipient' | 'status'> & Partial<Pick<Dispatch, 'sentAt' | 'answeredAt' | 'answer'>>;

interface DocumentFacts {
  title: string;
  kind: DocumentKind;
  status: string;
}

@Injectable()
export class DispatchesService {
  constructor(
    private readonly dispatches: DispatchesRepository,
    private readonly documents: DocumentsService,
  ) {}

  async listForDocument(actor: Actor, documentId: string, now = new Date()): Promise<ListResponse<DispatchDto>> {
    this.assertMember(actor);
    const document = await this.document(actor, documentId);
    const rows = await this.dispatches.listForDocument(documentId);
    const files = await this.dispatches.answerFilesOf(rows.map((row) => row.id));
    const items = rows.map((dispatch) => toDto(dispatch, document, files.get(dispatch.id) ?? null, now));
    return { items, total: items.length };
  }

  /** The follow-up page: every dispatch (or only open / overdue ones), oldest sending first. */
  async list(actor: Actor, query: ListDispatchesQueryDto, now = new Date()): Promise<ListResponse<DispatchDto>> {
    this.assertMember(actor);
    const rows = await this.dispatches.listByStatus(query.open ? ['to_send', 'sent'] : DISPATCH_STATUSES);
    const facts = new Map<string, DocumentFacts>();
    for (const documentId of new Set(rows.map((row) => row.documentId))) facts.set(documentId, await this.document(actor, documentId));
    const files = await this.dispatches.answerFilesOf(rows.map((row) => row.id));
    const items = rows
      .map((row) => toDto(row, facts.get(row.documentId)!, files.get(row.id) ?? null, now))
      .filter((dispatch) => !query.overdue || dispatch.overdue);
    return { items, total: items.length };
  }

  /** Only an adopted letter, parliamentary question or memorandum is sent out (409 otherwise). */
  async create(actor: Actor, documentId: string, input: CreateDispatchDto, now = new Date()): Promise<DispatchDto> {
    this.assertSecretariat(actor);
    const document = await this.document(actor, documentId);
    if (!isDispatchable(document.kind)) {
      throw new ConflictException(`Only ${DISPATCHABLE_KINDS.join(', ')} documents are dispatched`);
    }
    if (document.status !== 'adopted') throw new ConflictException('The document must be adopted before it is dispatched');
    const saved = await this.dispatches.save({
      documentId,
      recipient: input.recipient,
      status: 'to_send',
      overdueAfterDays: input.overdueAfterDays ?? DEFAULT_DISPATCH_OVERDUE_DAYS,
      createdById: actor.id,
    });
    return toDto(saved, document, null, now);
  }

  /**
   * Dispatches made before the platform followed them (sent, answered or still to send, as
   * given), in the caller's transaction, unless the document already has some: a history such
   * as the demo's. Whether it recorded them.
   */
  async recordHistoryIn(manager: EntityManager, documentId: string, createdById: string, history: readonly DispatchHistory[]): Promise<boolean> {
    if (await this.dispatches.existsFor(manager, documentId)) return false;
    await this.dispatches.insertIn(manager, history.map((entry) => ({ ...entry, documentId, createdById })));
    return true;
  }

  async update(actor: Actor, id: string, input: UpdateDispatchDto, now = new Date()): Promise<DispatchDto> {
    this.assertSecretariat(actor);
    const dispatch = await this.found(id);
    const result = changeDispatch(dispatch, input, now);
    if (!result.ok) {
      if (result.conflict) throw new ConflictException(result.conflict);
      throw new BadRequestException(result.errors);
    }
    const saved = await this.dispatches.save({
      ...dispatch,
      ...result.value,
      recipient: input.recipient ?? dispatch.recipient,
      overdueAfterDays: input.overdueAfterDays ?? dispatch.overdueAfterDays,
    });
    return this.dto(actor, saved, now);
  }

  /** Attaches (or replaces) the PDF of the answer received: the secretariat's, a PDF by its bytes. */
  async attachAnswerFile(actor: Actor, id: string, file: UploadedPdf | undefined, now = new Date()): Promise<DispatchDto> {
    this.assertSecretariat(actor);
    const dispatch = await this.found(id);
    const pdf = checkedPdf(file);
    await this.dispatches.saveAnswerFile(id, pdf.fileName, pdf.content);
    return this.dto(actor, dispatch, now);
  }

  async detachAnswerFile(actor: Actor, id: string, now = new Date()): Promise<DispatchDto> {
    this.assertSecretariat(actor);
    const dispatch = await this.found(id);
    await this.dispatches.deleteAnswerFile(id);
    return this.dto(actor, dispatch, now);
  }

  /** The answer's PDF, for whoever follows dispatches and may read the document. */
  async answerFile(actor: Actor, id: string): Promise<PdfFile> {
    this.assertMember(actor);
    const dispatch = await this.found(id);
    await this.document(actor, dispatch.documentId);
    const file = await this.dispatches.answerFile(id);
    if (!file) throw new NotFoundException('This dispatch has no answer file');
    return file;
  }

  private async found(id: string): Promise<Dispatch> {
    const dispatch = await this.dispatches.findById(id);
    if (!dispatch) throw new NotFoundException(`Dispatch ${id} not found`);
    return dispatch;
  }

  private async dto(actor: Actor, dispatch: Dispatch, now: Date): Promise<DispatchDto> {
    const files = await this.dispatches.answerFilesOf([dispatch.id]);
    return toDto(dispatch, await this.document(actor, dispatch.documentId), files.get(dispatch.id) ?? null, now);
  }

  private async document(actor: Actor, documentId: string): Promise<DocumentFacts> {
    const document = await this.documents.assertCan(actor, documentId, 'read');
    return { title: document.title, kind: document.kind, status: document.status };
  }

  private assertMember(actor: Actor): void {
    if (actor.role === 'observer') throw new ForbiddenException('Observers do not follow dispatches');
  }

  private assertSecretariat(actor: Actor): void {
    if (!isSecretariat(actor.role)) throw new ForbiddenException('Only the secretariat records dispatches');
  }
}

function toDto(dispatch: Dispatch, document: DocumentFacts, answerFile: AnswerFileFacts | null, now: Date): DispatchDto {
  return {
    id: dispatch.id,
    documentId: dispatch.documentId,
    documentTitle: document.title,
    documentKind: document.kind,
    recipient: dispatch.recipient,
    status: dispatch.status,
    sentAt: dispatch.sentAt,
    answeredAt: dispatch.answeredAt,
    answer: dispatch.answer,
    answerFile,
    overdueAfterDays: dispatch.overdueAfterDays,
    dueDate: dispatchDueDate(dispatch),
    overdue: isDispatchOverdue(dispatch, now),
    createdAt: dispatch.createdAt.toISOString(),
    updatedAt: dispatch.updatedAt.toISOString(),
  };
}
