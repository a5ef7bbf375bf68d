import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Publication } from './publication.entity';

export type PublicationSnapshot = Omit<Publication, 'updatedAt' | 'withdrawnAt' | 'withdrawnBy'>;

/** Every SQL statement on `publications`. */
@Injectable()
export class PublicationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findByDocument(documentId: string, manager: EntityManager = this.dataSource.manager): Promise<Publication | null> {
    return manager.getRepository(Publication).findOneBy({ documentId });
  }

  findBySlug(slug: string): Promise<Publication | null> {
    return this.dataSource.getRepository(Publication).findOneBy({ slug });
  }

  /** Published (not withdrawn) positions, most recently published first. */
  listPublished(limit: number): Promise<[Publication[], number]> {
    return this.dataSource.getRepository(Publication).findAndCount({
      where: { withdrawnAt: IsNull() },
      order: { publishedAt: 'DESC', documentId: 'ASC' },
      take: limit,
    });
  }

  /** Inserts or replaces the published copy (a republished text gets a fresh one). */
  async save(manager: EntityManager, snapshot: PublicationSnapshot): Promise<void> {
    await manager
      .getRepository(Publication)
      .upsert({ ...snapshot, withdrawnAt: null, withdrawnBy: null }, { conflictPaths: ['documentId'], skipUpdateIfNoValuesChanged: false });
  }

  /** Clears the copy: only the title, kind and dates stay for the "withdrawn on" page. */
  async withdraw(manager: EntityManager, documentId: string, at: Date, by: string | null): Promise<boolean> {
    const result = await manager
      .getRepository(Publication)
      .update(
        { documentId, withdrawnAt: IsNull() },
        { withdrawnAt: at, withdrawnBy: by, markdown: null, contentHash: null, versionNumber: null, decisionHash: null, decisionSeq: null, outcome: null, stances: [] },
      );
    return (result.affected ?? 0) > 0;
  }
}
