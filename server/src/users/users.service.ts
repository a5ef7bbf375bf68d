import type { CreateUserResponse, FederationSlug, ListResponse, Mandate, Role, UserDto, UserRefDto } from '@coupole/shared';
import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import { DomainEventBus } from '../domain-events/domain-event-bus';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { toUserDto } from './dto/user.dto';
import { toUserRef } from './dto/user-ref.dto';
import { generateTemporaryPassword, hashPassword } from './password';
import { User } from './user.entity';
import { UsersRepository } from './users.repository';
import { apiError } from '../common/api-errors';

const UNIQUE_VIOLATION = '23505';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

interface Membership {
  role: Role;
  federation: FederationSlug | null;
  mandate: Mandate | null;
}

/** A representative speaks for one federation under a mandate; nobody else has either. */
function assertMembership({ role, federation, mandate }: Membership): void {
  if (role === 'representative') {
    if (!federation) throw new BadRequestException(apiError('federation_required', ['federation is required for a representative']));
    if (!mandate) throw new BadRequestException(apiError('mandate_required', ['mandate is required for a representative']));
  } else {
    if (federation) throw new BadRequestException(apiError('federation_not_allowed', [`federation must be empty for the role ${role}`]));
    if (mandate) throw new BadRequestException(apiError('mandate_not_allowed', [`mandate must be empty for the role ${role}`]));
  }
}

/** Who an account is in the organisation. */
type Profile = Pick<User, 'displayName' | 'role' | 'federationSlug' | 'mandate' | 'active'>;

/** What open sessions act on: a change to any of these reaches their sockets. */
function accessFields(user: User): string {
  return JSON.stringify([user.active, user.role, user.federationSlug, user.mandate, user.displayName]);
}

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly events: DomainEventBus,
  ) {}

  findById(id: string): Promise<User | null> {
    return this.users.findById(id);
  }

  /** The user behind a session, or null if unknown or deactivated. */
  findActiveById(id: string): Promise<User | null> {
    return this.users.findActiveById(id);
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findByEmail(normaliseEmail(email));
  }

  /** These accounts (those that exist), in the caller's transaction if given. */
  findByIds(ids: readonly string[], manager?: EntityManager): Promise<User[]> {
    return this.users.findByIds(ids, manager);
  }

  /** Every account by e-mail, in the caller's transaction (the demo seed's lookups). */
  async byEmail(manager?: EntityManager): Promise<Map<string, User>> {
    return new Map((await this.users.findAll(manager)).map((user) => [user.email, user]));
  }

  /** Whether there is any account at all (a new database). */
  async any(): Promise<boolean> {
    return (await this.users.count()) > 0;
  }

  /** Active accounts, by name. */
  findActive(): Promise<User[]> {
    return this.users.findActive();
  }

  /** Active accounts among these ids. */
  findActiveByIds(ids: readonly string[]): Promise<User[]> {
    return this.users.findActiveByIds(ids);
  }

  /** Active representatives of these federations. */
  findActiveRepresentativesOf(slugs: readonly FederationSlug[]): Promise<User[]> {
    return this.users.findActiveRepresentativesOf(slugs);
  }

  /** Active representatives, by name. */
  findActiveRepresentatives(): Promise<User[]> {
    return this.users.findActive('representative');
  }

  /** Active observer accounts, by name: whom a document can invite. */
  async activeObservers(): Promise<ListResponse<UserRefDto>> {
    const users = await this.users.findActive('observer');
    return { items: users.map(toUserRef), total: users.length };
  }

  async list(): Promise<ListResponse<UserDto>> {
    const [users, total] = await this.users.listAndCount();
    return { items: users.map(toUserDto), total };
  }

  async create(request: CreateUserDto): Promise<CreateUserResponse> {
    const membership: Membership = {
      role: request.role,
      federation: request.federation ?? null,
      mandate: request.mandate ?? null,
    };
    assertMembership(membership);

    const temporaryPassword = generateTemporaryPassword();
    const user = this.users.create({
      email: normaliseEmail(request.email),
      displayName: request.displayName.trim(),
      role: membership.role,
      federationSlug: membership.federation,
      mandate: membership.mandate,
      active: true,
      mustChangePassword: true,
      passwordHash: await hashPassword(temporaryPassword),
    });
    try {
      await this.users.insert(user);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new ConflictException(apiError('email_taken', ['email is already used by another account']));
      }
      throw error;
    }
    const created = await this.findExisting(user.id);
    return { user: toUserDto(created), temporaryPassword };
  }

  async update(actor: User, id: string, request: UpdateUserDto): Promise<UserDto> {
    const user = await this.findExisting(id);

    if (actor.id === user.id) {
      if (request.active === false) {
        throw new BadRequestException(apiError('cannot_deactivate_self', ['active: you cannot deactivate your own account']));
      }
      if (request.role !== undefined && request.role !== actor.role) {
        throw new BadRequestException(apiError('cannot_change_own_role', ['role: you cannot change your own role']));
      }
    }

    const role = request.role ?? user.role;
    const leavesRepresentation = role !== 'representative' && user.role === 'representative';
    // Leaving the representative role drops the federation and mandate unless the request
    // names them (in which case the rule below rejects it).
    const membership: Membership = {
      role,
      federation: request.federation !== undefined ? request.federation : leavesRepresentation ? null : user.federationSlug,
      mandate: request.mandate !== undefined ? request.mandate : leavesRepresentation ? null : user.mandate,
    };
    assertMembership(membership);

    const before = accessFields(user);
    user.role = membership.role;
    user.federationSlug = membership.federation;
    user.mandate = membership.mandate;
    if (request.displayName !== undefined) user.displayName = request.displayName.trim();
    if (request.active !== undefined) user.active = request.active;
    await this.users.save(user);
    // Open sockets hold the rights and the name they were opened with: they must reconnect.
    if (accessFields(user) !== before) this.events.emit('users.access_changed', { userId: user.id });
    return toUserDto(await this.findExisting(id));
  }

  /** An account's profile set as given, in the caller's transaction (the demo accounts get theirs back). */
  async setProfileIn(manager: EntityManager, id: string, profile: Profile): Promise<void> {
    await this.users.update(id, profile, manager);
  }

  /**
   * A new account with this profile and password, not asked to change it, in the caller's
   * transaction (the demo accounts, whose password is known).
   */
  async provisionIn(manager: EntityManager, account: Profile & { email: string }, passwordHash: string): Promise<void> {
    await this.users.insert({ ...account, email: normaliseEmail(account.email), passwordHash, mustChangePassword: false }, manager);
  }

  async setPassword(user: User, passwordHash: string): Promise<void> {
    await this.users.update(user.id, { passwordHash, mustChangePassword: false });
  }

  async recordSignIn(userId: string, at: Date): Promise<void> {
    await this.users.update(userId, { lastSignInAt: at });
  }

  /**
   * A new temporary password for someone else's account, which must be changed at the next
   * sign-in (as for a new account). The caller revokes the account's sessions.
   */
  async resetPassword(actor: User, id: string): Promise<CreateUserResponse> {
    const user = await this.findExisting(id);
    if (user.id === actor.id) {
      throw new BadRequestException(apiError('cannot_reset_own_password', ['id: change your own password from your account menu']));
    }
    const temporaryPassword = generateTemporaryPassword();
    await this.users.update(id, { passwordHash: await hashPassword(temporaryPassword), mustChangePassword: true });
    return { user: toUserDto(await this.findExisting(id)), temporaryPassword };
  }

  private async findExisting(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundException(`User ${id} not found`);
    return user;
  }
}
