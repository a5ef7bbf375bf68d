import type { FederationSlug } from '@coupole/shared';
import { Column } from 'typeorm';
import { StanceGrounds } from './stance-grounds.entity';

/**
 * What an objection and a reservation share: a federation's stance raised in a round on
 * paragraphs of its version, and whether "accept the amendment" took its amendment into the
 * draft, and who resolved it. Each table declares its own id, state and caster relation.
 */
export abstract class RaisedStance {
  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @Column({ name: 'raised_in_round_id', type: 'uuid' })
  raisedInRoundId: string;

  @Column({ name: 'raised_in_round_number', type: 'integer' })
  raisedInRoundNumber: number;

  @Column({ name: 'federation_slug', type: 'varchar', length: 20 })
  federation: FederationSlug;

  @Column(() => StanceGrounds, { prefix: false })
  grounds: StanceGrounds;

  @Column({ name: 'raised_by', type: 'uuid' })
  raisedById: string;

  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt: Date;

  /** Set when "accept the amendment" took it into the draft (also when it made no suggestion). */
  @Column({ name: 'amendment_accepted_by', type: 'uuid', nullable: true })
  amendmentAcceptedById: string | null;

  @Column({ name: 'amendment_accepted_at', type: 'timestamptz', nullable: true })
  amendmentAcceptedAt: Date | null;

  /** Who moved it out of `open`, and when. */
  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedById: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
}
