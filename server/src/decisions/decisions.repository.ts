import type { DecisionRecord, DecisionSearchQuery } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { Decision } from './decision.entity';

// Serialises appends across transactions and instances (pg_advisory_xact_lock, released at commit).
const REGISTER_LOCK_KEY = 1_795_703_400;
const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The documents whose decisions are read: every one, or those listed (an observer's). */
export type DecisionScope = 'all' | readonly string[];

/** The register's search (shared/), with the page the service settled on. */
export type DecisionFilter = Omit<DecisionSearchQuery, 'limit' | 'offset'> & { limit: number; offset: number };

/** A register row as stored, for the chain's verification. */
export interface ChainRow {
  seq: string;
  record: DecisionRecord;
  prev_hash: string;
  hash: string;
  round_id: string;
  document_id: string;
  document_kind: Decision['documentKind'];
  closed_at: Date;
}

/** The only access to `decisions` (the register). */
@Injectable()
export class DecisionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Takes the register's append lock until the caller's transaction ends. */
  async lockForAppend(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [REGISTER_LOCK_KEY]);
  }

  /** The last decision's seq and hash; null for an empty register. */
  async head(manager: EntityManager = this.dataSource.manager): Promise<Pick<Decision, 'seq' | 'hash'> | null> {
    const [head] = await manager.getRepository(Decision).find({ select: { seq: true, hash: true }, order: { seq: 'DESC' }, take: 1 });
    return head ?? null;
  }

  async insert(manager: EntityManager, row: Pick<Decision, 'seq' | 'roundId' | 'documentId' | 'documentKind' | 'record' | 'prevHash' | 'hash' | 'closedAt' | 'searchText'>): Promise<void> {
    await manager.getRepository(Decision).insert(row);
  }

  /** Newest first. */
  list(scope: DecisionScope, filter: DecisionFilter): Promise<[Decision[], number]> {
    const builder = this.scoped(scope);
    const q = filter.q?.trim();
    if (q) builder.andWhere(`decision.search @@ websearch_to_tsquery('french', coupole_fold(:q))`, { q });
    if (filter.kind) builder.andWhere('decision.document_kind = :kind', { kind: filter.kind });
    if (filter.outcome) builder.andWhere(`decision.record ->> 'outcome' = :outcome`, { outcome: filter.outcome });
    if (filter.federation) {
      builder.andWhere(`decision.record -> 'positions' @> CAST(:positions AS jsonb)`, {
        positions: JSON.stringify([{ federation: filter.federation }]),
      });
    }
    if (filter.from) builder.andWhere(`decision.closed_at >= ${sqlBoundary(':from', filter.from, 'start')}`, { from: filter.from });
    if (filter.to) {
      const operator = BARE_DATE.test(filter.to) ? '<' : '<=';
      builder.andWhere(`decision.closed_at ${operator} ${sqlBoundary(':to', filter.to, 'end')}`, { to: filter.to });
    }
    return builder.orderBy('decision.seq', 'DESC').take(filter.limit).skip(filter.offset).getManyAndCount();
  }

  count(scope: DecisionScope): Promise<number> {
    return this.scoped(scope).getCount();
  }

  /** Raw rows after `after`, in seq order (keyset). */
  chainAfter(after: number, limit: number): Promise<ChainRow[]> {
    return this.dataSource.query(
      `SELECT "seq", "record", "prev_hash", "hash", "round_id", "document_id", "document_kind", "closed_at"
         FROM "decisions" WHERE "seq" > $1 ORDER BY "seq" LIMIT $2`,
      [after, limit],
    ) as Promise<ChainRow[]>;
  }

  findBySeq(seq: number): Promise<Decision | null> {
    return this.dataSource.getRepository(Decision).findOneBy({ seq });
  }

  /** Oldest first. */
  /** In the caller's transaction if given. */
  listOf(documentId: string, manager: EntityManager = this.dataSource.manager): Promise<Decision[]> {
    return manager.getRepository(Decision).find({ where: { documentId }, order: { seq: 'ASC' } });
  }

  latestOf(documentId: string): Promise<Decision | null> {
    return this.dataSource.getRepository(Decision).findOne({ where: { documentId }, order: { seq: 'DESC' } });
  }

  private scoped(scope: DecisionScope): SelectQueryBuilder<Decision> {
    const builder = this.dataSource.getRepository(Decision).createQueryBuilder('decision');
    if (scope === 'all') return builder;
    return builder.andWhere('decision.document_id IN (:...documentIds)', { documentIds: [...scope] });
  }
}

/** Whether a `from`/`to` is a bare date (a Brussels day) rather than a date-time. */
export function isBareDate(value: string): boolean {
  return BARE_DATE.test(value);
}

/** A bare date is a Brussels day: `from` at its midnight, `to` up to the next midnight. */
function sqlBoundary(parameter: string, value: string, side: 'start' | 'end'): string {
  if (!BARE_DATE.test(value)) return `CAST(${parameter} AS timestamptz)`;
  const day = side === 'start' ? `CAST(${parameter} AS date)` : `(CAST(${parameter} AS date) + 1)`;
  return `(CAST(${day} AS timestamp) AT TIME ZONE 'Europe/Brussels')`;
}
