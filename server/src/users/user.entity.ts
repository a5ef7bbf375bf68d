import type { FederationSlug, Mandate, Role } from '@coupole/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Federation } from '../federations/federation.entity';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_users' })
  id: string;

  /** Always lower-cased, which makes the unique index case-insensitive. */
  @Index('uq_users_email', { unique: true })
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @Index('ix_users_federation')
  @Column({ name: 'federation_slug', type: 'varchar', length: 20, nullable: true })
  federationSlug: FederationSlug | null;

  // Named, not imported: federations sit above users (their service lists members).
  @ManyToOne('Federation', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'federation_slug', foreignKeyConstraintName: 'fk_users_federation' })
  federation?: Federation | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  mandate: Mandate | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword: boolean;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ name: 'last_sign_in_at', type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
