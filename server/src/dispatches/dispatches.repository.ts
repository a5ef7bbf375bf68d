import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { DispatchStatus } from '@coupole/shared';
import { Dispatch } from './dispatch.entity';

/** The only access to the `dispatches` table. */
@Injectable()
export class DispatchesRepository {
  constructor(@InjectRepository(Dispatch) private readonly dispatches: Repository<Dispatch>) {}

  listForDocument(documentId: string): Promise<Dispatch[]> {
    return this.dispatches.find({ where: { documentId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  listByStatus(statuses: readonly DispatchStatus[]): Promise<Dispatch[]> {
    return this.dispatches.find({ where: { status: In([...statuses]) }, order: { sentAt: 'ASC', createdAt: 'ASC' } });
  }

  findById(id: string): Promise<Dispatch | null> {
    return this.dispatches.findOneBy({ id });
  }

  save(dispatch: Partial<Dispatch>): Promise<Dispatch> {
    return this.dispatches.save(this.dispatches.create(dispatch));
  }
}
