import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Federation } from './federation.entity';

/** The only access to `federations`. */
@Injectable()
export class FederationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** In their display order. */
  list(): Promise<Federation[]> {
    return this.dataSource.getRepository(Federation).find({ order: { position: 'ASC' } });
  }
}
