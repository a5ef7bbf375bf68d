import type { InfoTopic, InfoVisibility } from '@coupole/shared';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { InfoAttachment } from './info-attachment.entity';

/** A piece of news shared in the watch (*Veille*). */
@Entity('infos')
export class Info {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_infos' })
  id: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'source_url', type: 'varchar', length: 2000, nullable: true })
  sourceUrl: string | null;

  @Column({ type: 'text', array: true })
  topics: InfoTopic[];

  @Column({ name: 'to_discuss', type: 'boolean', default: false })
  toDiscuss: boolean;

  @Column({ type: 'varchar', length: 10, default: 'members' })
  visibility: InfoVisibility;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_infos_author' })
  author?: User;

  /** The author's federation when it was shared (null for the secretariat). */
  @Column({ name: 'federation_slug', type: 'varchar', length: 20, nullable: true })
  federationSlug: string | null;

  /** When it became public; null while members-only. */
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @OneToOne(() => InfoAttachment, (attachment) => attachment.info)
  attachment?: InfoAttachment | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
