import type { DocumentKind, PublicStanceDto } from '@coupole/shared';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A document on the public site: a copy of what is published (the adopted version's text and
 * hash, each federation's stance), taken when the secretariat publishes. Withdrawing clears the
 * copy and keeps the title and the dates for the "withdrawn on" page.
 */
@Entity('publications')
export class Publication {
  @PrimaryColumn({ name: 'document_id', type: 'uuid', primaryKeyConstraintName: 'pk_publications' })
  documentId: string;

  @Column({ type: 'varchar', length: 130 })
  slug: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 40 })
  kind: DocumentKind;

  @Column({ name: 'adopted_at', type: 'timestamptz' })
  adoptedAt: Date;

  @Column({ name: 'decision_seq', type: 'integer', nullable: true })
  decisionSeq: number | null;

  @Column({ name: 'decision_hash', type: 'varchar', length: 64, nullable: true })
  decisionHash: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  outcome: string | null;

  @Column({ name: 'version_number', type: 'integer', nullable: true })
  versionNumber: number | null;

  @Column({ name: 'content_hash', type: 'varchar', length: 64, nullable: true })
  contentHash: string | null;

  @Column({ type: 'text', nullable: true })
  markdown: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  stances: PublicStanceDto[];

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt: Date;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy: string | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'withdrawn_by', type: 'uuid', nullable: true })
  withdrawnBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
