import type { BodyDto, BodyRefDto, ListResponse, Role } from '@coupole/shared';
import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { apiError, fieldsRefused } from '../common/api-errors';
import { BodiesRepository } from './bodies.repository';
import type { CreateBodyDto, UpdateBodyDto } from './dto/body-input.dto';
import { toBodyDto } from './dto/body.dto';

export function isSecretariat(role: Role): boolean {
  return role === 'admin' || role === 'facilitator';
}

@Injectable()
export class BodiesService {
  constructor(private readonly bodies: BodiesRepository) {}

  /** Members read the bodies; observers read only the meetings they attend (DESIGN §9), not this list. */
  async list(actor: { role: Role }): Promise<ListResponse<BodyDto>> {
    if (actor.role === 'observer') throw new ForbiddenException('Observers read only the meetings they attend');
    const items = (await this.bodies.list()).map(toBodyDto);
    return { items, total: items.length };
  }

  async create(actor: { role: Role }, input: CreateBodyDto): Promise<BodyDto> {
    this.assertSecretariat(actor);
    if (await this.bodies.findByName(input.name)) throw new ConflictException(apiError('body_name_taken', `A body named "${input.name}" already exists`));
    return toBodyDto(await this.bodies.create({ name: input.name, description: input.description ?? '', website: input.website ?? null }));
  }

  async update(actor: { role: Role }, id: string, input: UpdateBodyDto): Promise<BodyDto> {
    this.assertSecretariat(actor);
    const body = await this.bodies.findById(id);
    if (!body) throw new NotFoundException(`Body ${id} not found`);
    if (input.name !== undefined && input.name !== body.name && (await this.bodies.findByName(input.name))) {
      throw new ConflictException(apiError('body_name_taken', `A body named "${input.name}" already exists`));
    }
    return toBodyDto(await this.bodies.update(body, input));
  }

  /** Deletes a body no mandate or meeting names; one they name is kept (rename it instead): 409 body_in_use. */
  async delete(actor: { role: Role }, id: string): Promise<void> {
    this.assertSecretariat(actor);
    if (!(await this.bodies.findById(id))) throw new NotFoundException(`Body ${id} not found`);
    if (!(await this.bodies.delete(id))) {
      throw new ConflictException(apiError('body_in_use', 'This body is named by mandates or meetings: it cannot be deleted'));
    }
  }

  /**
   * For the mandates and meetings modules: the body named by a request, or a 400 naming the
   * field. In the caller's transaction if given.
   */
  async refOrBadRequest(id: string, field: string, manager?: EntityManager): Promise<BodyRefDto> {
    const body = await this.bodies.findById(id, manager);
    if (!body) throw fieldsRefused([`${field} must name an existing body`]);
    return { id: body.id, name: body.name };
  }

  async refsByIds(ids: readonly string[]): Promise<Map<string, BodyRefDto>> {
    const bodies = await this.bodies.findByIds([...new Set(ids)]);
    return new Map(bodies.map((body) => [body.id, { id: body.id, name: body.name }]));
  }

  /** In the caller's transaction if given (the demo seed names bodies). */
  async idByName(name: string, manager?: EntityManager): Promise<string | null> {
    return (await this.bodies.findByName(name, manager))?.id ?? null;
  }

  private assertSecretariat(actor: { role: Role }): void {
    if (!isSecretariat(actor.role)) throw new ForbiddenException('Only the secretariat edits the list of bodies');
  }
}
