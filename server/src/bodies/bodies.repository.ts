import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Body } from './body.entity';

/** The only access to the `bodies` table. */
@Injectable()
export class BodiesRepository {
  constructor(@InjectRepository(Body) private readonly bodies: Repository<Body>) {}

  list(): Promise<Body[]> {
    return this.bodies.find({ order: { name: 'ASC' } });
  }

  findById(id: string): Promise<Body | null> {
    return this.bodies.findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<Body[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.bodies.findBy({ id: In([...ids]) });
  }

  findByName(name: string): Promise<Body | null> {
    return this.bodies.findOneBy({ name });
  }

  async create(values: Pick<Body, 'name' | 'description' | 'website'>): Promise<Body> {
    return this.bodies.save(this.bodies.create(values));
  }

  async update(body: Body, values: Partial<Pick<Body, 'name' | 'description' | 'website'>>): Promise<Body> {
    return this.bodies.save(Object.assign(body, values));
  }
}
