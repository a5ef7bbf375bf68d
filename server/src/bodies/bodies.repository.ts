import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, QueryFailedError, Repository } from 'typeorm';
import { Body } from './body.entity';

/** The only access to the `bodies` table. */
@Injectable()
export class BodiesRepository {
  constructor(@InjectRepository(Body) private readonly bodies: Repository<Body>) {}

  list(): Promise<Body[]> {
    return this.bodies.find({ order: { name: 'ASC' } });
  }

  /** In the caller's transaction if given. */
  findById(id: string, manager?: EntityManager): Promise<Body | null> {
    return (manager?.getRepository(Body) ?? this.bodies).findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<Body[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.bodies.findBy({ id: In([...ids]) });
  }

  /** In the caller's transaction if given. */
  findByName(name: string, manager?: EntityManager): Promise<Body | null> {
    return (manager?.getRepository(Body) ?? this.bodies).findOneBy({ name });
  }

  async create(values: Pick<Body, 'name' | 'description' | 'website'>): Promise<Body> {
    return this.bodies.save(this.bodies.create(values));
  }

  async update(body: Body, values: Partial<Pick<Body, 'name' | 'description' | 'website'>>): Promise<Body> {
    return this.bodies.save(Object.assign(body, values));
  }

  /** Deletes the body; false when a mandate or a meeting still names it (the foreign keys RESTRICT). */
  async delete(id: string): Promise<boolean> {
    try {
      await this.bodies.delete({ id });
      return true;
    } catch (error) {
      if (error instanceof QueryFailedError && STILL_NAMED.has((error.driverError as { code?: string } | undefined)?.code ?? '')) return false;
      throw error;
    }
  }
}

/** restrict_violation (ON DELETE RESTRICT) and foreign_key_violation. */
const STILL_NAMED = new Set(['23001', '23503']);
