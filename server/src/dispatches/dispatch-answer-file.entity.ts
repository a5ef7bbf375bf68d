import { Entity, PrimaryColumn } from 'typeorm';
import { StoredPdf } from '../common/stored-pdf';

/** The PDF of the answer to a dispatch, stored in PostgreSQL (see the migration for why). */
@Entity('dispatch_answer_files')
export class DispatchAnswerFile extends StoredPdf {
  @PrimaryColumn({ name: 'dispatch_id', type: 'uuid', primaryKeyConstraintName: 'pk_dispatch_answer_files' })
  dispatchId: string;
}
