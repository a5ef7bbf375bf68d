import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { DispatchStatus } from '@coupole/shared';
import { DispatchAnswerFile } from './dispatch-answer-file.entity';
import { Dispatch } from './dispatch.entity';

/** The name and size of an answer's PDF. */
export type AnswerFileFacts = Pick<DispatchAnswerFile, 'fileName' | 'size'>;

/** The only access to the `dispatches` and `dispatch_answer_files` tables. */
@Injectable()
export class DispatchesRepository {
  constructor(
    @InjectRepository(Dispatch) private readonly dispatches: Repository<Dispatch>,
    @InjectRepository(DispatchAnswerFile) private readonly answerFiles: Repository<DispatchAnswerFile>,
  ) {}

  listForDocument(documentId: string): Promise<Dispatch[]> {
    return this.dispatches.find({ where: { documentId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  listByStatus(statuses: readonly DispatchStatus[]): Promise<Dispatch[]> {
    return this.dispatches.find({ where: { status: In([...statuses]) }, order: { sentAt: 'ASC', createdAt: 'ASC' } });
  }

  findById(id: string): Promise<Dispatch | null> {
    return this.dispatches.findOneBy({ id });
  }

  /** Whether the document has a dispatch, in the caller's transaction. */
  existsFor(manager: EntityManager, documentId: string): Promise<boolean> {
    return manager.getRepository(Dispatch).existsBy({ documentId });
  }

  async insertIn(manager: EntityManager, dispatches: Partial<Dispatch>[]): Promise<void> {
    await manager.getRepository(Dispatch).insert(dispatches);
  }

  save(dispatch: Partial<Dispatch>): Promise<Dispatch> {
    return this.dispatches.save(this.dispatches.create(dispatch));
  }

  /** The answer PDFs' names and sizes (never their bytes) of these dispatches. */
  async answerFilesOf(dispatchIds: readonly string[]): Promise<Map<string, AnswerFileFacts>> {
    if (dispatchIds.length === 0) return new Map();
    const rows = await this.answerFiles.find({ select: { dispatchId: true, fileName: true, size: true }, where: { dispatchId: In([...dispatchIds]) } });
    return new Map(rows.map((row) => [row.dispatchId, { fileName: row.fileName, size: row.size }]));
  }

  /** Sets (or replaces) a dispatch's answer PDF. */
  async saveAnswerFile(dispatchId: string, fileName: string, content: Buffer): Promise<void> {
    await this.answerFiles.upsert({ dispatchId, fileName, size: content.length, content }, ['dispatchId']);
  }

  async deleteAnswerFile(dispatchId: string): Promise<void> {
    await this.answerFiles.delete({ dispatchId });
  }

  answerFile(dispatchId: string): Promise<Pick<DispatchAnswerFile, 'fileName' | 'content'> | null> {
    return this.answerFiles.findOne({ select: { fileName: true, content: true }, where: { dispatchId } });
  }
}
