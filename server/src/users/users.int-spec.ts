import type { CreateUserResponse, ListResponse, LoginResponse, UserDto } from '@coupole/shared';
import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from '../test/test-app';

describe('users (integration)', () => {
  let sut: TestApp;
  let admin: LoginResponse;
  const asAdmin = () => ({ Authorization: `Bearer ${admin.accessToken}` });

  beforeAll(async () => {
    sut = await startTestApp();
    admin = await sut.login('admin@demo.coupole.be');
  });

  afterAll(() => sut?.close());

  it('lists every account as { items, total } without password hashes', async () => {
    const response = await sut.http().get('/api/users').set(asAdmin());

    expect(response.status).toBe(200);
    const body = response.body as ListResponse<UserDto>;
    expect(body.total).toBe(body.items.length);
    expect(body.items.map((user) => user.email)).toEqual(expect.arrayContaining(['admin@demo.coupole.be', 'caips-suppleant@demo.coupole.be']));
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|argon2/);
    // Signed in by beforeAll: the accounts page shows when.
    expect(Date.parse(body.items.find((user) => user.id === admin.user.id)!.lastSignInAt!)).toBeGreaterThan(Date.now() - 60_000);
  });

  describe('POST /api/users', () => {
    it('creates a representative with a temporary password that must be changed', async () => {
      const response = await sut
        .http()
        .post('/api/users')
        .set(asAdmin())
        .send({ email: 'Pierre.Dumont@ALEAP.be', displayName: 'Pierre Dumont', role: 'representative', federation: 'aleap', mandate: 'substitute' });

      expect(response.status).toBe(201);
      const { user, temporaryPassword } = response.body as CreateUserResponse;
      expect(user).toMatchObject({ email: 'pierre.dumont@aleap.be', federation: 'aleap', mandate: 'substitute', mustChangePassword: true, active: true });
      expect(temporaryPassword).toHaveLength(16);
      await expect(sut.login('pierre.dumont@aleap.be', temporaryPassword)).resolves.toMatchObject({ user: { id: user.id } });
    });

    it('refuses an email already used, whatever its case', async () => {
      const response = await sut.http().post('/api/users').set(asAdmin()).send({ email: 'ADMIN@demo.coupole.be', displayName: 'Doublon', role: 'observer' });

      expect(response.status).toBe(409);
      expect(response.body.message).toEqual(['email is already used by another account']);
    });

    it.each([
      ['an unknown field', { email: 'a@b.be', displayName: 'A', role: 'observer', foo: 1 }, 'property foo should not exist'],
      ['a bad email', { email: 'not-an-email', displayName: 'A', role: 'observer' }, 'email must be an email'],
      ['a bad role', { email: 'a@b.be', displayName: 'A', role: 'king' }, 'role must be one of the following values: admin, facilitator, representative, observer'],
      ['a representative without a federation', { email: 'a@b.be', displayName: 'A', role: 'representative', mandate: 'titular' }, 'federation is required for a representative'],
      ['a representative without a mandate', { email: 'a@b.be', displayName: 'A', role: 'representative', federation: 'codef' }, 'mandate is required for a representative'],
      ['an observer with a federation', { email: 'a@b.be', displayName: 'A', role: 'observer', federation: 'codef' }, 'federation must be empty for the role observer'],
      ['an unknown federation', { email: 'a@b.be', displayName: 'A', role: 'representative', federation: 'nope', mandate: 'titular' }, 'federation must be one of the following values: aleap, caips, codef, fdss, risome'],
    ])('answers 400 naming the field for %s', async (_case, body, message) => {
      const response = await sut.http().post('/api/users').set(asAdmin()).send(body);

      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(response.body.message).toContain(message);
    });
  });

  describe('PATCH /api/users/:id', () => {
    let target: UserDto;

    beforeAll(async () => {
      const response = await sut.http().post('/api/users').set(asAdmin()).send({ email: 'lea.janssens@example.be', displayName: 'Léa Janssens', role: 'observer' });
      target = (response.body as CreateUserResponse).user;
    });

    it('turns an observer into a representative and back, clearing federation and mandate', async () => {
      const promoted = await sut.http().patch(`/api/users/${target.id}`).set(asAdmin()).send({ role: 'representative', federation: 'risome', mandate: 'substitute', displayName: 'Léa Janssens-Peeters' });
      expect(promoted.status).toBe(200);
      expect(promoted.body).toMatchObject({ role: 'representative', federation: 'risome', mandate: 'substitute', displayName: 'Léa Janssens-Peeters' });

      const demoted = await sut.http().patch(`/api/users/${target.id}`).set(asAdmin()).send({ role: 'facilitator' });
      expect(demoted.status).toBe(200);
      expect(demoted.body).toMatchObject({ role: 'facilitator', federation: null, mandate: null });
    });

    it('refuses to make a representative without a federation', async () => {
      const response = await sut.http().patch(`/api/users/${target.id}`).set(asAdmin()).send({ role: 'representative', mandate: 'titular' });

      expect(response.status).toBe(400);
      expect(response.body.message).toContain('federation is required for a representative');
    });

    it('refuses a null display name', async () => {
      const response = await sut.http().patch(`/api/users/${target.id}`).set(asAdmin()).send({ displayName: null });

      expect(response.status).toBe(400);
      expect(response.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/^displayName /)]));
    });

    it('does not let an admin deactivate or demote themselves', async () => {
      const deactivate = await sut.http().patch(`/api/users/${admin.user.id}`).set(asAdmin()).send({ active: false });
      const demote = await sut.http().patch(`/api/users/${admin.user.id}`).set(asAdmin()).send({ role: 'facilitator' });

      expect(deactivate.status).toBe(400);
      expect(deactivate.body.message).toEqual(['active: you cannot deactivate your own account']);
      expect(demote.status).toBe(400);
      expect(demote.body.message).toEqual(['role: you cannot change your own role']);
      expect((await sut.http().get('/api/auth/me').set(asAdmin())).body).toMatchObject({ role: 'admin', active: true });
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      const unknown = await sut.http().patch(`/api/users/${randomUUID()}`).set(asAdmin()).send({ displayName: 'X' });
      const malformed = await sut.http().patch('/api/users/not-a-uuid').set(asAdmin()).send({ displayName: 'X' });

      expect(unknown.status).toBe(404);
      expect(malformed.status).toBe(400);
      expect(malformed.body.message).toContain('id must be a UUID');
    });
  });
});
