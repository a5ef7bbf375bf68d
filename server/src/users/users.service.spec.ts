import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainEventBus } from '../domain-events/domain-event-bus';
import { aUser } from '../test/fixtures';
import { User } from './user.entity';
import type { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

type UserRepository = jest.Mocked<Pick<UsersRepository, 'findById' | 'create' | 'insert' | 'save'>>;

describe(UsersService.name, () => {
  let sut: UsersService;
  let users: UserRepository;
  let events: { emit: jest.Mock };
  const admin = aUser({ id: 'a0000000-0000-4000-8000-000000000001', role: 'admin', federationSlug: null, mandate: null });

  beforeEach(() => {
    users = {
      findById: jest.fn(async () => aUser()),
      create: jest.fn((values) => Object.assign(new User(), values)),
      insert: jest.fn().mockResolvedValue(undefined),
      save: jest.fn(async (user) => user),
    } as unknown as UserRepository;
    events = { emit: jest.fn() };
    sut = new UsersService(users as unknown as UsersRepository, events as unknown as DomainEventBus);
  });

  describe('create', () => {
    it('stores a lower-cased email, an argon2id hash and a forced password change', async () => {
      const result = await sut.create({ email: ' Nadia.Benali@Example.BE ', displayName: ' Nadia Benali ', role: 'representative', federation: 'aleap', mandate: 'titular' });

      const inserted = users.insert.mock.calls[0][0] as User;
      expect(inserted).toMatchObject({ email: 'nadia.benali@example.be', displayName: 'Nadia Benali', mustChangePassword: true, active: true });
      expect(inserted.passwordHash).toMatch(/^\$argon2id\$/);
      expect(result.temporaryPassword).toMatch(/^[A-Za-z2-9]{16}$/);
      expect(result.user).not.toHaveProperty('passwordHash');
    });

    it.each([
      [{ role: 'representative', mandate: 'titular' }, 'federation is required for a representative'],
      [{ role: 'representative', federation: 'codef' }, 'mandate is required for a representative'],
      [{ role: 'facilitator', federation: 'codef' }, 'federation must be empty for the role facilitator'],
      [{ role: 'observer', mandate: 'substitute' }, 'mandate must be empty for the role observer'],
    ] as const)('rejects %j', async (membership, message) => {
      await expect(sut.create({ email: 'x@example.be', displayName: 'X', ...membership })).rejects.toThrow(new BadRequestException([message]));
      expect(users.insert).not.toHaveBeenCalled();
    });

    it('turns a unique violation into 409', async () => {
      users.insert.mockRejectedValue(new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate'), { code: '23505' })));

      await expect(sut.create({ email: 'x@example.be', displayName: 'X', role: 'observer' })).rejects.toBeInstanceOf(ConflictException);
    });
  });

  describe('update', () => {
    it('answers 404 for an unknown user', async () => {
      users.findById.mockResolvedValue(null);

      await expect(sut.update(admin, 'b0000000-0000-4000-8000-000000000002', { displayName: 'X' })).rejects.toBeInstanceOf(NotFoundException);
    });

    it('drops federation and mandate when a representative changes role', async () => {
      users.findById.mockResolvedValue(aUser());

      await sut.update(admin, aUser().id, { role: 'observer' });

      expect(users.save).toHaveBeenCalledWith(expect.objectContaining({ role: 'observer', federationSlug: null, mandate: null }));
      expect(events.emit).toHaveBeenCalledWith('users.access_changed', { userId: aUser().id });
    });

    it('tells the open sockets of a deactivated account, and says nothing when nothing changed', async () => {

      await sut.update(admin, aUser().id, { displayName: aUser().displayName });
      expect(events.emit).not.toHaveBeenCalled();
      await sut.update(admin, aUser().id, { active: false });
      expect(events.emit).toHaveBeenCalledWith('users.access_changed', { userId: aUser().id });
    });

    it('refuses a federation named for a non-representative role', async () => {
      users.findById.mockResolvedValue(aUser());

      await expect(sut.update(admin, aUser().id, { role: 'observer', federation: 'aleap' })).rejects.toThrow('Bad Request');
      expect(users.save).not.toHaveBeenCalled();
    });

    it('keeps an existing membership on a partial update', async () => {
      users.findById.mockResolvedValue(aUser({ federationSlug: 'fdss', mandate: 'substitute' }));

      await sut.update(admin, aUser().id, { mandate: 'titular' });

      expect(users.save).toHaveBeenCalledWith(expect.objectContaining({ federationSlug: 'fdss', mandate: 'titular' }));
    });

    it('does not let an admin deactivate or demote themselves', async () => {
      users.findById.mockResolvedValue(admin);

      await expect(sut.update(admin, admin.id, { active: false })).rejects.toThrow(new BadRequestException(['active: you cannot deactivate your own account']));
      await expect(sut.update(admin, admin.id, { role: 'facilitator' })).rejects.toThrow(new BadRequestException(['role: you cannot change your own role']));
      await expect(sut.update(admin, admin.id, { role: 'admin', displayName: 'Sophie L.' })).resolves.toBeDefined();
    });

    it('lets an admin deactivate someone else', async () => {
      users.findById.mockResolvedValue(aUser());

      await sut.update(admin, aUser().id, { active: false });

      expect(users.save).toHaveBeenCalledWith(expect.objectContaining({ active: false }));
    });
  });
});
