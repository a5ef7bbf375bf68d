import {
  contentHash,
  diffParagraphs,
  diffWords,
  ListResponse,
  splitParagraphs,
  yDocToDoc,
  yDocToMarkdown,
} from '@coupole/shared';
import { Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { DocumentStateService } from '../collab/document-state.service';
import { DocumentBodyService } from '../document-body/document-body.service';
import { DocumentsService } from '../documents/documents.service';
import { DomainEventBus } from '../domain-events/domain-event-bus';
import { EventsService } from '../events/events.service';
import type { User } from '../users/user.entity';
import { CreateVersionDto } from './dto/create-version.dto';
import { DiffSide } from './dto/diff-query.dto';
import { RestoreResult, toVersionDto, toVersionSummary, VersionDiff, VersionSummary } from './dto/version.dto';
import { Version } from './version.entity';
import { VersionsRepository } from './versions.repository';

/** A body frozen from a Yjs state: what a version stores besides its number and author. */
export interface FrozenBody {
  yjsState: Uint8Array;
  markdown: string;
  contentHash: string;
  paragraphs: { id: string; markdown: string }[];
}

/** Markdown, hash and paragraphs of a Yjs state, all derived on the server with the shared schema. */
export function freezeBody(state: Uint8Array): FrozenBody {
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, state);
    const markdown = yDocToMarkdown(ydoc);
    return { yjsState: state, markdown, contentHash: contentHash(markdown), paragraphs: splitParagraphs(yDocToDoc(ydoc)) };
  } finally {
    ydoc.destroy();
  }
}

@Injectable()
export class VersionsService {
  constructor(
    private readonly versions: VersionsRepository,
    private readonly documents: DocumentsService,
    private readonly documentState: DocumentStateService,
    private readonly events: EventsService,
    private readonly body: DocumentBodyService,
    private readonly bus: DomainEventBus,
  ) {}

  /**
   * Freezes the current body as the next version. Numbers come from the highest one under a
   * lock on the document row, so concurrent freezes (on any instance) get distinct numbers.
   * The state is read before the transaction: with the embedded database's single connection,
   * the collab service's repository cannot be used inside it.
   */
  async freeze(user: User, documentId: string, request: CreateVersionDto) {
    await this.documents.assertCan(user, documentId, 'edit');
    const body = freezeBody(await this.body.stateUpdate(documentId));
    const version = await this.versions.transaction((manager) => this.freezeIn(manager, documentId, user.id, request.label ?? null, body));
    version.author = user;
    await this.bus.emitAndWait('version.created', { documentId, number: version.number, contentHash: version.contentHash, createdAt: version.createdAt });
    return toVersionDto(version);
  }

  /**
   * Stores `body` as the document's next version in the caller's transaction; `at` dates it
   * (the demo seed's history), now by default. No event is published: the caller does it after
   * its commit.
   */
  async freezeIn(manager: EntityManager, documentId: string, authorId: string, label: string | null, body: FrozenBody, at?: Date): Promise<Version> {
    await this.documents.lockForUpdate(manager, documentId);
    const last = await this.versions.lastNumber(manager, documentId);
    const created = await this.versions.insert(manager, {
      documentId,
      number: last + 1,
      label,
      authorId,
      ...(at ? { createdAt: at } : {}),
      yjsState: Buffer.from(body.yjsState),
      markdown: body.markdown,
      contentHash: body.contentHash,
      paragraphs: body.paragraphs,
    });
    await this.events.record(manager, {
      documentId,
      type: 'version.created',
      actorId: authorId,
      ...(at ? { at } : {}),
      payload: { versionNumber: created.number, label: created.label, contentHash: created.contentHash },
    });
    return created;
  }

  async list(user: User, documentId: string): Promise<ListResponse<VersionSummary>> {
    await this.documents.assertCan(user, documentId, 'read');
    const versions = await this.versions.listOf(documentId);
    return { items: versions.map(toVersionSummary), total: versions.length };
  }

  async read(user: User, documentId: string, number: number) {
    await this.documents.assertCan(user, documentId, 'read');
    return toVersionDto(await this.get(documentId, number));
  }

  /** One version with its author (no access check: for other modules, e.g. rounds); in the caller's transaction if given. */
  async get(documentId: string, number: number, manager?: EntityManager): Promise<Version> {
    const version = await this.versions.find(documentId, number, manager);
    if (!version) throw new NotFoundException(`Version ${number} not found in this document`);
    return version;
  }

  /**
   * For the decision register's verification: each version's stored content hash and the
   * SHA-256 of its Markdown as stored now (computed by the database), keyed `documentId:number`.
   */
  async textDigests(keys: { documentId: string; number: number }[]): Promise<Map<string, { stored: string; actual: string }>> {
    const rows = await this.versions.textDigests(keys);
    return new Map(rows.map((row) => [`${row.documentId}:${row.number}`, { stored: row.stored, actual: row.actual }]));
  }

  /** Same as `get`, by id. */
  async getById(id: string): Promise<Version> {
    const version = await this.versions.findById(id);
    if (!version) throw new NotFoundException('Version not found');
    return version;
  }

  /** The frozen Yjs state of a version (kept out of ordinary reads: it can be large). */
  async yjsState(documentId: string, number: number): Promise<Uint8Array> {
    const state = await this.versions.yjsState(documentId, number);
    if (!state) throw new NotFoundException(`Version ${number} not found in this document`);
    return new Uint8Array(state);
  }

  async diff(user: User, documentId: string, from: DiffSide, to: DiffSide): Promise<VersionDiff> {
    await this.documents.assertCan(user, documentId, 'read');
    const [fromMarkdown, toMarkdown] = await Promise.all([this.markdownOf(documentId, from), this.markdownOf(documentId, to)]);
    return {
      from: { version: from, contentHash: contentHash(fromMarkdown) },
      to: { version: to, contentHash: contentHash(toMarkdown) },
      parts: diffWords(fromMarkdown, toMarkdown),
      paragraphs: diffParagraphs(fromMarkdown, toMarkdown),
    };
  }

  /**
   * Makes a version's text the draft again as a new edit on top of the history (concurrent
   * editors see it arrive like anyone's edit); versions are never rewritten.
   */
  async restore(user: User, documentId: string, number: number): Promise<RestoreResult> {
    await this.documents.assertCan(user, documentId, 'edit');
    const version = await this.get(documentId, number);
    const changed = await this.documentState.applyServerEdit(documentId, version.markdown, user.id);
    await this.events.record(null, {
      documentId,
      type: 'document.restored',
      actorId: user.id,
      payload: { versionNumber: version.number, contentHash: version.contentHash },
    });
    const markdown = await this.body.currentMarkdown(documentId);
    return { restoredFrom: version.number, changed, markdown, contentHash: contentHash(markdown) };
  }

  private async markdownOf(documentId: string, side: DiffSide): Promise<string> {
    if (side === 'draft') return this.body.currentMarkdown(documentId);
    return (await this.get(documentId, side)).markdown;
  }
}
