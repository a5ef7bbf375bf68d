import { latestDigestSlot, type LoginResponse, type OutboxMailDto } from '@coupole/shared';
import { startTestApp, TestApp } from '../test/test-app';
import { DigestsService } from './digests.service';

const DAY = 24 * 3600 * 1000;

describe('info digests (integration)', () => {
  let sut: TestApp;
  let admin: LoginResponse;
  let aleap: LoginResponse;
  let caips: LoginResponse;
  let codef: LoginResponse;
  let observer: LoginResponse;

  const auth = (session: LoginResponse) => ({ Authorization: `Bearer ${session.accessToken}` });
  const prefer = (session: LoginResponse, frequency: unknown) => sut.http().put('/api/me/digest').set(auth(session)).send({ frequency });
  const outboxTo = async (email: string): Promise<OutboxMailDto[]> => {
    const outbox = await sut.http().get('/api/admin/outbox').set(auth(admin));
    return (outbox.body.items as OutboxMailDto[]).filter((mail) => mail.to === email && mail.subject.startsWith('Veille'));
  };

  beforeAll(async () => {
    sut = await startTestApp();
    [admin, aleap, caips, codef, observer] = await Promise.all(
      ['admin', 'aleap', 'caips', 'codef', 'observateur'].map((name) => sut.login(`${name}@demo.coupole.be`)),
    );
  });

  afterAll(() => sut?.close());

  it('keeps each member’s choice, none by default, and names a bad value', async () => {
    expect((await sut.http().get('/api/me/digest').set(auth(caips))).body).toEqual({ frequency: 'none' });
    expect((await prefer(caips, 'hourly')).status).toBe(400);
    expect((await prefer(caips, 'hourly')).body.message.join(' ')).toContain('frequency');
    expect((await prefer(caips, 'daily')).body).toEqual({ frequency: 'daily' });
    expect((await sut.http().get('/api/me/digest').set(auth(caips))).body).toEqual({ frequency: 'daily' });
  });

  it('sends each due digest exactly once, even when sweeps run at the same time, with what each may read', async () => {
    await prefer(caips, 'daily');
    await prefer(observer, 'daily');
    await prefer(codef, 'weekly');
    await prefer(aleap, 'none');
    const share = (session: LoginResponse, body: object) =>
      sut.http().post('/api/infos').set(auth(session)).send({ body: 'Texte.', topics: ['politique'], ...body });
    await share(aleap, { title: 'Réunion au cabinet', toDiscuss: true });
    await share(aleap, { title: 'Communiqué public', visibility: 'public' });
    await share(caips, { title: 'Info de CAIPS' });

    // The next daily slot after now (its window holds now), and the next weekly one.
    const daily = latestDigestSlot('daily', new Date(Date.now() + DAY));
    const weekly = latestDigestSlot('weekly', new Date(Date.now() + 7 * DAY));
    expect(daily && daily.from.getTime() <= Date.now() && Date.now() < daily.sendAt.getTime()).toBe(true);
    const digests = sut.app.get(DigestsService);

    // Several sweeps at once, as two instances would run them, then one later.
    const sent = await Promise.all([digests.sendDue(daily!.sendAt), digests.sendDue(daily!.sendAt), digests.sendDue(weekly!.sendAt), digests.sendDue(weekly!.sendAt)]);
    expect(sent.reduce((sum, count) => sum + count, 0)).toBe(3);
    expect(await digests.sendDue(new Date(weekly!.sendAt.getTime() + 3600 * 1000))).toBe(0);

    const toCaips = await outboxTo('caips@demo.coupole.be');
    expect(toCaips).toHaveLength(1);
    expect(toCaips[0].subject).toBe('Veille de la Coupole : 2 nouvelles infos depuis hier');
    expect(toCaips[0].text).toContain('Réunion au cabinet (ALEAP ; politique) — à discuter');
    expect(toCaips[0].text).not.toContain('Info de CAIPS');

    const toObserver = await outboxTo('observateur@demo.coupole.be');
    expect(toObserver).toHaveLength(1);
    expect(toObserver[0].text).toContain('Communiqué public');
    expect(toObserver[0].text).not.toContain('Réunion au cabinet');

    const toCodef = await outboxTo('codef@demo.coupole.be');
    expect(toCodef).toHaveLength(1);
    expect(toCodef[0].subject).toContain('3 nouvelles infos cette semaine');
    expect(await outboxTo('aleap@demo.coupole.be')).toEqual([]);
  });

  it('does not send a slot that passed before the member chose a digest', async () => {
    const digests = sut.app.get(DigestsService);
    await prefer(admin, 'daily');
    expect(await digests.sendDue(new Date(Date.now() - DAY))).toBe(0);
    expect(await outboxTo('admin@demo.coupole.be')).toEqual([]);
  });
});
