import type { AnswerItem } from '@coupole/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One ILI's personal link to a consultation, and its answer (a draft, then the submitted one). */
@Entity('consultation_invitations')
export class ConsultationInvitation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_consultation_invitations' })
  id: string;

  @Column({ name: 'consultation_id', type: 'uuid' })
  consultationId: string;

  @Column({ name: 'ili_id', type: 'uuid' })
  iliId: string;

  /** SHA-256 (hex) of the link's token. */
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  /** The random input the token is derived from (see invitation-tokens.ts). */
  @Column({ name: 'token_nonce', type: 'char', length: 32 })
  tokenNonce: string;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  draft: AnswerItem[] | null;

  @Column({ name: 'draft_saved_at', type: 'timestamptz', nullable: true })
  draftSavedAt: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  answers: AnswerItem[] | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
