import {
  appendDecision,
  canonicalJson,
  DECISION_RECORD_VERSION,
  PublishedHead,
  servedColumnsFailure,
  VerifyFailure,
  VerifyResult,
  DecisionChainVerification,
  DecisionDetailDto,
  DecisionDto,
  DecisionRecord,
  DecisionSummaryDto,
  documentVisibility,
  isAdoption,
  type ProseMirrorJSON,
  GENESIS_HASH,
  ListResponse,
  verifyChain,
} from '@coupole/shared';
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfigService } from '../config/app-config.service';
import { DocumentsService } from '../documents/documents.service';
import { User } from '../users/user.entity';
import { VersionsService } from '../versions/versions.service';
import { Decision } from './decision.entity';
import { ChainRow, DecisionScope, DecisionsRepository, isBareDate } from './decisions.repository';
import { decisionAnnex, decisionSearchText, outcomeStatement } from './decision-text';
import { DecisionQueryDto } from './dto/decision-query.dto';
import { nativeSha256Hex } from './native-sha256';

/** What a closing round hands to the register: the record without its chain fields. */
export type NewDecision = Omit<DecisionDto, 'seq' | 'prevHash' | 'hash'>;

/** A section appended to an export (same shape as the exports module's `ExportSection`). */
export interface DecisionAnnexSection {
  title: string;
  doc: ProseMirrorJSON;
}

const VERIFY_BATCH = 2_000;
const DEFAULT_PAGE = 50;

@Injectable()
export class DecisionsService {
  constructor(
    private readonly decisions: DecisionsRepository,
    private readonly documents: DocumentsService,
    private readonly versions: VersionsService,
    private readonly config: AppConfigService,
  ) {}

  /**
   * Appends a closed round's decision to the register, inside the caller's transaction (use
   * only `manager` there: with the embedded database a second connection would wait forever).
   * Appends are serialised, so seqs are contiguous and each `prevHash` is the previous hash.
   */
  async append(manager: EntityManager, record: NewDecision): Promise<DecisionDto> {
    if (!manager.queryRunner?.isTransactionActive) {
      return manager.transaction((transactional) => this.append(transactional, record));
    }
    await this.decisions.lockForAppend(manager);
    const head = await this.decisions.head(manager);
    const kind = await this.documents.kindOf(manager, record.documentId);
    if (!kind) throw new NotFoundException(`document ${record.documentId} not found`);

    // Stored exactly as hashed: dates as ISO strings, undefined members dropped. The kind is
    // hashed too (record format 2), since the register serves and filters on it.
    const fields = JSON.parse(
      canonicalJson({ ...record, recordVersion: DECISION_RECORD_VERSION, documentKind: kind }),
    ) as NewDecision;
    const decision = appendDecision(head ? { seq: head.seq, hash: head.hash } : null, fields, nativeSha256Hex);
    const { hash, ...hashed } = decision;
    await this.decisions.insert(manager, {
      seq: decision.seq,
      roundId: decision.roundId,
      documentId: decision.documentId,
      documentKind: kind,
      record: hashed,
      prevHash: decision.prevHash,
      hash,
      closedAt: new Date(decision.closedAt),
      searchText: decisionSearchText(decision),
    });
    return decision;
  }

  async list(user: User, query: DecisionQueryDto): Promise<ListResponse<DecisionSummaryDto>> {
    const scope = await this.visibleTo(user);
    if (scope !== 'all' && scope.length === 0) return { items: [], total: 0 };
    if (query.from && query.to && boundary(query.from, 'start') > boundary(query.to, 'end')) {
      throw new BadRequestException(['to must not be before from']);
    }
    const { limit, offset, ...filters } = query;
    const [rows, total] = await this.decisions.list(scope, { ...filters, limit: limit ?? DEFAULT_PAGE, offset: offset ?? 0 });
    return { items: rows.map(toSummary), total };
  }

  /**
   * Recomputes the whole chain with the shared `verifyChain`, and checks what the API serves
   * beside each record: the stored columns (document, kind, round, closing time) against the
   * hashed record, and the decided version's text against the record's SHA-256. With a head
   * published earlier, the chain must still hold it (a deleted last row or a recomputed chain
   * verifies on its own). Rows are read in seq order by batches (keyset, raw rows).
   */
  async verify(published?: PublishedHead): Promise<VerifyResult> {
    const chain: DecisionDto[] = [];
    // Kept apart from the records, which are hashed as they are.
    const failures = new Map<number, VerifyFailure>();
    let after = 0;
    for (;;) {
      const rows = await this.decisions.chainAfter(after, VERIFY_BATCH);
      const batch = rows.map(fromChainRow);
      for (const [seq, failure] of await this.checkBatch(rows, batch)) failures.set(seq, failure);
      chain.push(...batch);
      if (rows.length < VERIFY_BATCH) break;
      after = Number(rows[rows.length - 1].seq);
    }
    const { valid, length, head, firstBrokenSeq, failure } = verifyChain(chain, nativeSha256Hex, (decision) => failures.get(decision.seq), published);
    return firstBrokenSeq === undefined ? { valid, length, head } : { valid, length, head, firstBrokenSeq, failure };
  }

  /** The verification, with the number of decisions this user may read (what their page lists). */
  async verifyFor(user: User, published?: PublishedHead): Promise<DecisionChainVerification> {
    const [result, visible] = await Promise.all([this.verify(published), this.visibleCount(user)]);
    return { ...result, visible };
  }

  private async visibleCount(user: User): Promise<number> {
    const scope = await this.visibleTo(user);
    return scope !== 'all' && scope.length === 0 ? 0 : this.decisions.count(scope);
  }

  /** The documents whose decisions the user may read (an observer: those they are invited to). */
  private async visibleTo(user: User): Promise<DecisionScope> {
    return documentVisibility(user) === 'all' ? 'all' : this.documents.observedDocumentIds(user.id);
  }

  /** The register's current length and last hash, as published (no verification: cheap). */
  async head(): Promise<PublishedHead> {
    const last = await this.decisions.head();
    return last ? { length: last.seq, head: last.hash } : { length: 0, head: GENESIS_HASH };
  }

  /** What is wrong around each decision of a batch beyond its hash: served columns, decided text. */
  private async checkBatch(rows: ChainRow[], decisions: DecisionDto[]): Promise<Map<number, VerifyFailure>> {
    const failures = new Map<number, VerifyFailure>();
    const legacy = decisions.filter((decision) => decision.documentKind === undefined).map((decision) => decision.documentId);
    const [texts, kinds] = await Promise.all([
      this.versions.textDigests(decisions.map((decision) => ({ documentId: decision.documentId, number: decision.version }))),
      this.documents.kindsOf([...new Set(legacy)]),
    ]);
    decisions.forEach((decision, index) => {
      const row = rows[index];
      const columns = {
        roundId: row.round_id,
        documentId: row.document_id,
        documentKind: row.document_kind,
        closedAt: new Date(row.closed_at).toISOString(),
      };
      const text = texts.get(`${decision.documentId}:${decision.version}`);
      const textFailure: VerifyFailure | undefined =
        text && text.stored === decision.contentHash && text.actual === decision.contentHash ? undefined : 'text';
      const failure = servedColumnsFailure(decision, columns, kinds.get(decision.documentId)) ?? textFailure;
      if (failure) failures.set(decision.seq, failure);
    });
    return failures;
  }

  async get(user: User, seq: number): Promise<DecisionDetailDto> {
    const row = await this.decisions.findBySeq(seq);
    if (!row) throw new NotFoundException(`decision ${seq} not found`);
    await this.documents.assertCan(user, row.documentId, 'read');
    const summary = toSummary(row);
    const version = await this.versions.get(row.documentId, summary.version).catch((error: unknown) => {
      if (error instanceof NotFoundException) return null;
      throw error;
    });
    return {
      ...summary,
      text: version
        ? { number: version.number, markdown: version.markdown, contentHash: version.contentHash, paragraphs: version.paragraphs }
        : null,
      reservations: summary.positions
        .filter((position) => position.stance === 'reservations')
        .map(({ federation, reason, paragraphs, castBy, castAt }) => ({ federation, reason, paragraphs, castBy, castAt })),
      objections: summary.objections,
    };
  }

  /** The document's decisions, oldest first (for its timeline or page); in the caller's transaction if given. */
  async forDocument(documentId: string, manager?: EntityManager): Promise<DecisionSummaryDto[]> {
    const rows = await this.decisions.listOf(documentId, manager);
    return rows.map(toSummary);
  }

  /**
   * The "Relevé de décision" annexed to an adopted document's exports: the record of the round
   * that adopted it (its latest decision). Empty when the document's latest decision is not an
   * adoption, or when the export is of another version than the one decided.
   */
  async annexFor(documentId: string, versionNumber: number | null = null): Promise<DecisionAnnexSection[]> {
    const latest = await this.decisions.latestOf(documentId);
    if (!latest) return [];
    const decision = toSummary(latest);
    if (!isAdoption(decision.outcome)) return [];
    if (versionNumber !== null && versionNumber !== decision.version) return [];
    const { paragraphs } = await this.versions.get(documentId, decision.version);
    const annex = decisionAnnex(decision, { register: await this.head(), publicUrl: this.config.publicUrl, paragraphs });
    return [{ title: annex.title, doc: annex.doc }];
  }
}

function fromChainRow(row: ChainRow): DecisionDto {
  // The columns win over the record's copies: a row moved or relinked by SQL breaks the chain.
  return { ...row.record, seq: Number(row.seq), prevHash: row.prev_hash, hash: row.hash };
}

function toSummary(row: Decision): DecisionSummaryDto {
  const decision: DecisionDto = { ...row.record, seq: row.seq, prevHash: row.prevHash, hash: row.hash };
  const stated = (row.record as DecisionRecord & { outcomeStatement?: unknown }).outcomeStatement;
  return {
    ...decision,
    documentKind: row.documentKind,
    outcomeStatement: typeof stated === 'string' && stated.trim() ? stated : outcomeStatement(decision),
  };
}

/** For comparing `from` and `to` before querying (UTC is close enough to reject a reversed range). */
function boundary(value: string, side: 'start' | 'end'): number {
  if (!isBareDate(value)) return Date.parse(value);
  return Date.parse(`${value}T00:00:00Z`) + (side === 'end' ? 86_400_000 - 1 : 0);
}
