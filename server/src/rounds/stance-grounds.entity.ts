import { Column } from 'typeorm';

/**
 * What a federation's stance rests on — its reason, the paragraphs it points at and the amendment
 * it proposes — as stored on a position, each of its changes and the objection an `object`
 * stance raises (embedded with the same column names in the three tables).
 */
export class StanceGrounds {
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** Paragraph ids of the round's version. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  paragraphs: string[];

  @Column({ type: 'text', nullable: true })
  amendment: string | null;

  @Column({ name: 'no_amendment_possible', type: 'boolean', default: false })
  noAmendmentPossible: boolean;
}
