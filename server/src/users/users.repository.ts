import type { FederationSlug } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { PreparedEntityQuery } from '../database/prepared-statement';
import { User } from './user.entity';

export type UserChanges = Partial<
  Pick<User, 'passwordHash' | 'mustChangePassword' | 'lastSignInAt' | 'displayName' | 'role' | 'federationSlug' | 'mandate' | 'active'>
>;

/** The only access to `users`. */
@Injectable()
export class UsersRepository {
  /** The guard's lookup on every request: prepared once per connection. */
  private readonly activeById: PreparedEntityQuery<User>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.activeById = new PreparedEntityQuery(dataSource, User, 'users.active-by-id', '"id" = $1 AND "active"');
  }

  private users(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(User);
  }

  findById(id: string): Promise<User | null> {
    return this.users().findOneBy({ id });
  }

  findActiveById(id: string): Promise<User | null> {
    return this.activeById.findOne([id]);
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users().findOneBy({ email });
  }

  /** These accounts (those that exist), in the caller's transaction if given. */
  findByIds(ids: readonly string[], manager?: EntityManager): Promise<User[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.users(manager).findBy({ id: In([...ids]) });
  }

  /** Every account, active or not, in the caller's transaction if given (the demo seed's lookups by e-mail). */
  findAll(manager?: EntityManager): Promise<User[]> {
    return this.users(manager).find();
  }

  /** Active accounts, by name; of one role when given. */
  findActive(role?: User['role']): Promise<User[]> {
    return this.users().find({ where: { active: true, ...(role ? { role } : {}) }, order: { displayName: 'ASC', id: 'ASC' } });
  }

  /** Active accounts whose id is among `ids`. */
  findActiveByIds(ids: readonly string[]): Promise<User[]> {
    return this.users().find({ where: { id: In([...ids]), active: true } });
  }

  /** Active representatives of these federations. */
  findActiveRepresentativesOf(slugs: readonly FederationSlug[]): Promise<User[]> {
    return this.users().find({ where: { federationSlug: In([...slugs]), role: 'representative', active: true } });
  }

  listAndCount(): Promise<[User[], number]> {
    return this.users().findAndCount({ order: { displayName: 'ASC', email: 'ASC' } });
  }

  count(): Promise<number> {
    return this.users().count();
  }

  create(fields: Partial<User>): User {
    return this.users().create(fields);
  }

  async insert(user: Partial<User>, manager?: EntityManager): Promise<void> {
    await this.users(manager).insert(user);
  }

  async save(user: User): Promise<void> {
    await this.users().save(user);
  }

  async update(id: string, changes: UserChanges, manager?: EntityManager): Promise<void> {
    await this.users(manager).update({ id }, changes);
  }
}
