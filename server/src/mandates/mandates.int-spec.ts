import { addDays, brusselsDate, type BodyDto, type ListResponse, type LoginResponse, type MandateDto } from '@coupole/shared';
import { DataSource } from 'typeorm';
import { eventually } from '../test/eventually';
import { awaitNotifiedEmails } from '../test/notified-emails';
import { startTestApp, TestApp } from '../test/test-app';
import { MandatesService } from './mandates.service';

describe('bodies and mandates (integration)', () => {
  let sut: TestApp;
  let dataSource: DataSource;
  const logins = {} as Record<'facilitator' | 'aleap' | 'codef' | 'observer', LoginResponse>;
  const bearer = (login: LoginResponse) => ({ Authorization: `Bearer ${login.accessToken}` });
  let observatoire: BodyDto;
  const today = brusselsDate();

  beforeAll(async () => {
    sut = await startTestApp();
    dataSource = sut.app.get(DataSource);
    const emails = { facilitator: 'secretariat@demo.coupole.be', aleap: 'aleap@demo.coupole.be', codef: 'codef@demo.coupole.be', observer: 'observateur@demo.coupole.be' };
    for (const [key, email] of Object.entries(emails)) logins[key as keyof typeof logins] = await sut.login(email);
    const bodies = (await sut.http().get('/api/bodies').set(bearer(logins.aleap))).body as ListResponse<BodyDto>;
    observatoire = bodies.items.find((body) => body.name === 'Observatoire de l’Intégration')!;
  });

  afterAll(() => sut?.close());

  it('starts with the seeded bodies, read by members (not observers), edited by the secretariat only', async () => {
    expect((await sut.http().get('/api/bodies').set(bearer(logins.observer))).status).toBe(403);
    const names = ((await sut.http().get('/api/bodies').set(bearer(logins.aleap))).body as ListResponse<BodyDto>).items.map((body) => body.name);
    expect(names).toEqual(expect.arrayContaining(['Observatoire de l’Intégration', 'CESE Wallonie', 'Cabinet du Ministre de l’Action sociale', 'Fédération des CRI', 'Coordination MENA', 'Fédération des CPAS']));

    const created = await sut.http().post('/api/bodies').set(bearer(logins.facilitator)).send({ name: '  Conseil consultatif des ILI  ', website: 'https://ili.example.be' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Conseil consultatif des ILI', website: 'https://ili.example.be', description: '' });
    const renamed = await sut.http().patch(`/api/bodies/${created.body.id}`).set(bearer(logins.facilitator)).send({ description: 'Avis sur le décret.' });
    expect(renamed.body.description).toBe('Avis sur le décret.');
    const taken = await sut.http().post('/api/bodies').set(bearer(logins.facilitator)).send({ name: 'CESE Wallonie' });
    expect({ status: taken.status, code: taken.body.code }).toEqual({ status: 409, code: 'body_name_taken' });
    const renamedToTaken = await sut.http().patch(`/api/bodies/${created.body.id}`).set(bearer(logins.facilitator)).send({ name: 'CESE Wallonie' });
    expect({ status: renamedToTaken.status, code: renamedToTaken.body.code }).toEqual({ status: 409, code: 'body_name_taken' });
    expect((await sut.http().post('/api/bodies').set(bearer(logins.aleap)).send({ name: 'Autre' })).status).toBe(403);
  });

  it('deletes a body nothing names; one a mandate or a meeting names is kept (409 body_in_use)', async () => {
    const spare = await sut.http().post('/api/bodies').set(bearer(logins.facilitator)).send({ name: 'Groupe de travail éphémère' });
    expect((await sut.http().delete(`/api/bodies/${spare.body.id}`).set(bearer(logins.aleap))).status).toBe(403);
    expect((await sut.http().delete(`/api/bodies/${spare.body.id}`).set(bearer(logins.facilitator))).status).toBe(204);
    expect((await sut.http().delete(`/api/bodies/${spare.body.id}`).set(bearer(logins.facilitator))).status).toBe(404);
    const names = ((await sut.http().get('/api/bodies').set(bearer(logins.aleap))).body as ListResponse<BodyDto>).items.map((body) => body.name);
    expect(names).not.toContain('Groupe de travail éphémère');

    const held = await sut.http().post('/api/bodies').set(bearer(logins.facilitator)).send({ name: 'Comité avec mandat' });
    await sut.http().post('/api/mandates').set(bearer(logins.facilitator)).send({ bodyId: held.body.id, holderId: logins.aleap.user.id, seat: 'titular', startDate: '2026-01-01' }).expect(201);
    const refused = await sut.http().delete(`/api/bodies/${held.body.id}`).set(bearer(logins.facilitator));
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'body_in_use' });

    const met = await sut.http().post('/api/bodies').set(bearer(logins.facilitator)).send({ name: 'Comité avec réunion' });
    await sut.http().post('/api/meetings').set(bearer(logins.facilitator)).send({ title: 'Séance', kind: 'sector', start: '2027-02-01T10:00', end: '2027-02-01T11:00', bodyId: met.body.id }).expect(201);
    expect((await sut.http().delete(`/api/bodies/${met.body.id}`).set(bearer(logins.facilitator))).body.code).toBe('body_in_use');
  });

  it('names the bad fields of a body', async () => {
    const response = await sut.http().post('/api/bodies').set(bearer(logins.facilitator)).send({ name: ' ', website: 'ftp://x' });
    expect(response.status).toBe(400);
    expect(response.body.message).toEqual(expect.arrayContaining([expect.stringContaining('name'), expect.stringContaining('website')]));
  });

  it('records a mandate for the holder’s federation and shows it in the register', async () => {
    const response = await sut
      .http()
      .post('/api/mandates')
      .set(bearer(logins.facilitator))
      .send({ bodyId: observatoire.id, holderId: logins.codef.user.id, seat: 'substitute', startDate: addDays(today, -10), endDate: addDays(today, 400) });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      body: { id: observatoire.id, name: observatoire.name },
      holder: { id: logins.codef.user.id, displayName: 'Catherine Dubois', federation: 'codef' },
      federation: 'codef',
      seat: 'substitute',
      state: 'current',
      endingSoon: false,
    });

    const changed = await sut.http().patch(`/api/mandates/${response.body.id}`).set(bearer(logins.facilitator)).send({ endDate: addDays(today, 30) });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ endDate: addDays(today, 30), endingSoon: true });
  });

  it('lists current and past mandates apart, and refuses observers', async () => {
    const current = (await sut.http().get('/api/mandates?active=true').set(bearer(logins.aleap))).body as ListResponse<MandateDto>;
    const past = (await sut.http().get('/api/mandates?active=false').set(bearer(logins.aleap))).body as ListResponse<MandateDto>;
    expect(current.items.length).toBeGreaterThan(0);
    expect(current.items.every((mandate) => mandate.state !== 'past')).toBe(true);
    expect(past.items.map((mandate) => mandate.body.name)).toContain('Fédération des CRI');
    expect(past.items.every((mandate) => mandate.state === 'past')).toBe(true);
    expect(current.items.some((mandate) => mandate.endingSoon && mandate.body.name === observatoire.name)).toBe(true);
    expect((await sut.http().get('/api/mandates').set(bearer(logins.observer))).status).toBe(403);
    expect((await sut.http().get('/api/mandates?active=peut-etre').set(bearer(logins.aleap))).status).toBe(400);
  });

  it('answers 400 naming the field: end before start, unknown body, unknown seat', async () => {
    const base = { bodyId: observatoire.id, holderId: logins.aleap.user.id, seat: 'titular', startDate: '2026-06-01' };
    const backwards = await sut.http().post('/api/mandates').set(bearer(logins.facilitator)).send({ ...base, endDate: '2026-05-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatchObject({ message: ['endDate must not be before startDate'], code: 'validation_failed', fields: [{ field: 'endDate', constraints: ['notBeforeStart'] }] });
    const unknownBody = await sut.http().post('/api/mandates').set(bearer(logins.facilitator)).send({ ...base, bodyId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownBody.status).toBe(400);
    expect(unknownBody.body).toMatchObject({ message: ['bodyId must name an existing body'], code: 'validation_failed', fields: [{ field: 'bodyId', constraints: ['existing'] }] });
    const badSeat = await sut.http().post('/api/mandates').set(bearer(logins.facilitator)).send({ ...base, seat: 'president', startDate: '1er juin' });
    expect(badSeat.status).toBe(400);
    expect(badSeat.body.message).toEqual(expect.arrayContaining([expect.stringContaining('seat'), expect.stringContaining('startDate')]));
    expect((await sut.http().post('/api/mandates').set(bearer(logins.aleap)).send(base)).status).toBe(403);
  });

  it('mails the secretariat once about a mandate ending within 60 days, even from two instances at once', async () => {
    const body = await sut.http().post('/api/bodies').set(bearer(logins.facilitator)).send({ name: 'Comité de rappel' });
    await sut
      .http()
      .post('/api/mandates')
      .set(bearer(logins.facilitator))
      .send({ bodyId: body.body.id, holderId: logins.aleap.user.id, seat: 'titular', startDate: addDays(today, -100), endDate: addDays(today, 20) });
    const service = sut.app.get(MandatesService);

    await Promise.all([service.remindEndingMandates(), service.remindEndingMandates()]);
    await service.remindEndingMandates();

    expect(await awaitNotifiedEmails(dataSource, 'mandate.ending', { titleLike: '%Comité de rappel%' })).toEqual(['secretariat@demo.coupole.be']);
    // The mail is kept after the notification is committed and pushed: wait for it too.
    const mails = await eventually(async () => {
      const found = (await dataSource.query(`SELECT "to_address" FROM "outbox" WHERE "subject" LIKE '%Comité de rappel%'`)) as unknown[];
      expect(found.length).toBeGreaterThan(0);
      return found;
    });
    expect(mails).toHaveLength(1);
    const notifications = await sut.http().get('/api/notifications').set(bearer(logins.facilitator));
    expect(notifications.body.items.find((item: { kind: string }) => item.kind === 'mandate.ending')).toMatchObject({ link: '/mandats' });
  });
});
