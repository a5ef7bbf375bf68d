import type { InfoTopic, InfoVisibility } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { InfoAttachment } from './info-attachment.entity';
import { Info } from './info.entity';

const FOLDED_QUERY = `websearch_to_tsquery('french'::regconfig, "coupole_fold"(:q))`;

export interface InfoFilter {
  visibilities: readonly InfoVisibility[];
  topic?: InfoTopic;
  q?: string;
  toDiscuss?: boolean;
  limit: number;
  offset: number;
}

export type InfoChanges = Partial<Pick<Info, 'title' | 'body' | 'sourceUrl' | 'topics' | 'toDiscuss' | 'visibility' | 'publishedAt'>>;

/** Every SQL statement on `infos` and `info_attachments`. */
@Injectable()
export class InfosRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async list(filter: InfoFilter): Promise<[Info[], number]> {
    const builder = this.dataSource
      .getRepository(Info)
      .createQueryBuilder('info')
      .leftJoinAndSelect('info.author', 'author')
      .leftJoinAndSelect('info.attachment', 'attachment')
      .where('info.visibility IN (:...visibilities)', { visibilities: filter.visibilities });
    if (filter.topic) builder.andWhere(':topic = ANY("info"."topics")', { topic: filter.topic });
    if (filter.toDiscuss !== undefined) builder.andWhere('info.toDiscuss = :toDiscuss', { toDiscuss: filter.toDiscuss });
    const q = filter.q?.trim();
    if (q) builder.andWhere(`"info"."search" @@ ${FOLDED_QUERY}`, { q });
    return builder
      .orderBy('info.createdAt', 'DESC')
      .addOrderBy('info.id', 'ASC')
      .skip(filter.offset)
      .take(filter.limit)
      .getManyAndCount();
  }

  /** Public infos, most recently published first (the public site and the feed). */
  listPublic(limit: number): Promise<Info[]> {
    return this.dataSource.getRepository(Info).find({
      where: { visibility: 'public' },
      relations: { attachment: true },
      order: { publishedAt: 'DESC', id: 'ASC' },
      take: limit,
    });
  }

  /** Members' infos created in [from, to), oldest first (the digest). */
  createdBetween(from: Date, to: Date): Promise<Info[]> {
    return this.dataSource
      .getRepository(Info)
      .createQueryBuilder('info')
      .leftJoinAndSelect('info.author', 'author')
      .where('info.createdAt >= :from AND info.createdAt < :to', { from, to })
      .orderBy('info.createdAt', 'ASC')
      .getMany();
  }

  findOne(id: string, manager: EntityManager = this.dataSource.manager): Promise<Info | null> {
    return manager.getRepository(Info).findOne({ where: { id }, relations: { author: true, attachment: true } });
  }

  async insert(manager: EntityManager, values: Omit<Info, 'id' | 'createdAt' | 'updatedAt' | 'author' | 'attachment'>): Promise<string> {
    const repository = manager.getRepository(Info);
    const info = repository.create(values);
    await repository.insert(info);
    return info.id;
  }

  async update(manager: EntityManager, id: string, changes: InfoChanges): Promise<void> {
    await manager.getRepository(Info).update({ id }, { ...changes, updatedAt: new Date() });
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(Info).delete({ id });
  }

  async saveAttachment(manager: EntityManager, infoId: string, fileName: string, content: Buffer): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(InfoAttachment)
      .values({ infoId, fileName, size: content.length, content })
      .orUpdate(['file_name', 'size', 'content', 'created_at'], ['info_id'])
      .execute();
  }

  async deleteAttachment(manager: EntityManager, infoId: string): Promise<void> {
    await manager.getRepository(InfoAttachment).delete({ infoId });
  }

  attachmentContent(infoId: string): Promise<InfoAttachment | null> {
    return this.dataSource
      .getRepository(InfoAttachment)
      .createQueryBuilder('attachment')
      .addSelect('attachment.content')
      .where('attachment.infoId = :infoId', { infoId })
      .getOne();
  }
}
