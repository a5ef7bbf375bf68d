import type { DecisionRecord, DocumentKind } from '@coupole/shared';
import { Column, Entity, PrimaryColumn, ValueTransformer } from 'typeorm';

/** bigint comes back from pg as a string; seqs stay far below 2^53. */
const bigintAsNumber: ValueTransformer = {
  to: (value: number | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * One link of the decision register. `record` is the decision exactly as hashed; the table's
 * generated `search` tsvector is not mapped (only DecisionsService's queries read it), and
 * a trigger refuses UPDATE, DELETE and TRUNCATE.
 */
@Entity('decisions')
export class Decision {
  @PrimaryColumn({ type: 'bigint', transformer: bigintAsNumber, primaryKeyConstraintName: 'pk_decisions' })
  seq: number;

  @Column({ name: 'round_id', type: 'uuid', unique: true })
  roundId: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @Column({ name: 'document_kind', type: 'varchar', length: 40 })
  documentKind: DocumentKind;

  @Column({ type: 'jsonb' })
  record: DecisionRecord;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;

  @Column({ name: 'closed_at', type: 'timestamptz' })
  closedAt: Date;

  @Column({ name: 'search_text', type: 'text', select: false })
  searchText: string;

  @Column({ name: 'appended_at', type: 'timestamptz', insert: false, update: false })
  appendedAt: Date;
}
