import { addDays, brusselsDate, type ListResponse, type LoginResponse, type MeetingActionDto, type MeetingDto, type MeetingSummaryDto, type NotificationDto } from '@coupole/shared';
import ICAL from 'ical.js';
import { DataSource } from 'typeorm';
import { DEMO_EMAILS, DEMO_MEMBER_EMAILS } from '../test/demo-sessions';
import { eventually } from '../test/eventually';
import { awaitNotifiedEmails, notifiedEmails } from '../test/notified-emails';
import { startTestApp, TestApp } from '../test/test-app';
import { MeetingsService } from './meetings.service';

type Who = 'facilitator' | 'aleap' | 'caips' | 'codef' | 'observer';

/** Parses an iCal text with ical.js (a different library from the one that wrote it). */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    timezones: calendar.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid')),
    events: calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component);
      return {
        uid: event.uid,
        summary: event.summary,
        sequence: event.sequence,
        status: component.getFirstPropertyValue('status'),
        tzid: component.getFirstProperty('dtstart')!.getParameter('tzid'),
        wallClock: event.startDate.toString(),
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
      };
    }),
  };
}

describe('meetings, actions and the iCal feed (integration)', () => {
  let sut: TestApp;
  let dataSource: DataSource;
  const logins = {} as Record<Who, LoginResponse>;
  const bearer = (who: Who) => ({ Authorization: `Bearer ${logins[who].accessToken}` });
  let observatoireId: string;
  let documentId: string;
  let meeting: MeetingDto;

  beforeAll(async () => {
    sut = await startTestApp();
    dataSource = sut.app.get(DataSource);
    const emails: Record<Who, string> = {
      facilitator: 'secretariat@demo.coupole.be',
      aleap: 'aleap@demo.coupole.be',
      caips: 'caips@demo.coupole.be',
      codef: 'codef@demo.coupole.be',
      observer: 'observateur@demo.coupole.be',
    };
    for (const [key, email] of Object.entries(emails)) logins[key as Who] = await sut.login(email);
    const bodies = await sut.http().get('/api/bodies').set(bearer('aleap'));
    observatoireId = bodies.body.items.find((body: { name: string }) => body.name === 'Observatoire de l’Intégration').id;
    const document = await sut.http().post('/api/documents').set(bearer('facilitator')).send({ title: 'Note sur les données de l’Observatoire', kind: 'analyse' });
    documentId = document.body.id;
  });

  afterAll(() => sut?.close());

  it('schedules a mandate meeting at its Brussels clock time, across the spring change', async () => {
    const response = await sut
      .http()
      .post('/api/meetings')
      .set(bearer('aleap'))
      .send({
        title: 'Observatoire — séance de printemps',
        kind: 'mandate',
        start: '2027-03-29T10:00',
        end: '2027-03-29T12:30',
        place: 'Namur',
        bodyId: observatoireId,
        attendeeIds: [logins.aleap.user.id, logins.observer.user.id],
        agenda: [{ title: 'Données 2026', documentId }, { title: 'Divers' }],
      });
    expect(response.status).toBe(201);
    meeting = response.body;
    // 28 March 2027 is the change: 10:00 in Brussels is 08:00 UTC the day after.
    expect(meeting).toMatchObject({
      start: '2027-03-29T10:00',
      end: '2027-03-29T12:30',
      startsAt: '2027-03-29T08:00:00.000Z',
      endsAt: '2027-03-29T10:30:00.000Z',
      status: 'scheduled',
      sequence: 0,
      body: { id: observatoireId, name: 'Observatoire de l’Intégration' },
      agenda: [
        { title: 'Données 2026', documentId, documentTitle: 'Note sur les données de l’Observatoire', roundId: null },
        { title: 'Divers', documentId: null, documentTitle: null, roundId: null },
      ],
      permissions: { edit: true },
    });
    expect(meeting.attendees.map((person) => person.id).sort()).toEqual([logins.aleap.user.id, logins.observer.user.id].sort());

    const moved = await sut.http().patch(`/api/meetings/${meeting.id}`).set(bearer('aleap')).send({ start: '2027-03-26T10:00', end: '2027-03-26T12:30' });
    expect(moved.body).toMatchObject({ start: '2027-03-26T10:00', startsAt: '2027-03-26T09:00:00.000Z', sequence: 1 });
    const back = await sut.http().patch(`/api/meetings/${meeting.id}`).set(bearer('aleap')).send({ start: '2027-03-29T10:00', end: '2027-03-29T12:30' });
    expect(back.body).toMatchObject({ startsAt: '2027-03-29T08:00:00.000Z', sequence: 2 });
  });

  it('answers 400 naming the field: end before start, unknown kind or body, skipped hour, unknown document', async () => {
    const base = { title: 'Réunion', kind: 'coupole', start: '2027-05-03T14:00', end: '2027-05-03T16:00' };
    const cases: [object, string[]][] = [
      [{ ...base, end: '2027-05-03T13:00' }, ['end must be after start']],
      [{ ...base, kind: 'apero' }, ['kind must be one of the following values: coupole, mandate, minister, parliament, sector, seminar']],
      [{ ...base, bodyId: '00000000-0000-4000-8000-000000000000' }, ['bodyId must name an existing body']],
      [{ ...base, start: '2027-03-28T02:30' }, ['start does not exist in Europe/Brussels (the clocks skip that hour)']],
      [{ ...base, start: '3 mai' }, ['start must be a Brussels time YYYY-MM-DDTHH:mm']],
      [{ ...base, agenda: [{ title: 'X', documentId: '00000000-0000-4000-8000-000000000000' }] }, ['agenda.0.documentId must name a document you can read']],
      [{ ...base, attendeeIds: ['00000000-0000-4000-8000-000000000000'] }, ['attendeeIds must name active users (not: 00000000-0000-4000-8000-000000000000)']],
    ];
    for (const [body, message] of cases) {
      const response = await sut.http().post('/api/meetings').set(bearer('codef')).send(body);
      expect({ body, status: response.status, message: response.body.message }).toEqual({ body, status: 400, message });
      // Every refusal names its fields in `fields`, so the client shows it beside the field.
      expect({ body, code: response.body.code, fields: response.body.fields.map((field: { field: string }) => field.field) }).toEqual({
        body,
        code: 'validation_failed',
        fields: message.map((sentence) => sentence.split(' ')[0]),
      });
    }
    const edited = await sut.http().post('/api/meetings').set(bearer('codef')).send(base).expect(201);
    const backwards = await sut.http().patch(`/api/meetings/${edited.body.id}`).set(bearer('codef')).send({ end: '2027-05-03T13:00' });
    expect(backwards.body).toMatchObject({ code: 'validation_failed', fields: [{ field: 'end', constraints: ['afterStart'] }] });
  });

  it('lets observers read only the meetings they attend, and never edit or create', async () => {
    const other = await sut.http().post('/api/meetings').set(bearer('codef')).send({ title: 'Réunion interne', kind: 'coupole', start: '2027-04-02T09:00', end: '2027-04-02T10:00' });
    expect(other.status).toBe(201);
    expect((await sut.http().get(`/api/meetings/${other.body.id}`).set(bearer('observer'))).status).toBe(404);
    expect((await sut.http().get(`/api/meetings/${meeting.id}`).set(bearer('observer'))).status).toBe(200);
    const listed = (await sut.http().get('/api/meetings?from=2027-03-01&to=2027-04-30').set(bearer('observer'))).body as ListResponse<MeetingSummaryDto>;
    expect(listed.items.map((item) => item.id)).toEqual([meeting.id]);
    const all = (await sut.http().get('/api/meetings?from=2027-03-01&to=2027-04-30').set(bearer('caips'))).body as ListResponse<MeetingSummaryDto>;
    expect(all.items.map((item) => item.id)).toEqual([meeting.id, other.body.id]);
    expect((await sut.http().patch(`/api/meetings/${meeting.id}`).set(bearer('observer')).send({ minutes: 'x' })).status).toBe(403);
    // CAIPS neither wrote nor attends it: it reads but does not edit.
    expect((await sut.http().patch(`/api/meetings/${meeting.id}`).set(bearer('caips')).send({ title: 'x' })).status).toBe(403);
    expect((await sut.http().get('/api/meetings?from=2027-04-30&to=2027-03-01').set(bearer('caips'))).status).toBe(400);
  });

  it('lists the meetings that discussed a document', async () => {
    const response = await sut.http().get(`/api/documents/${documentId}/meetings`).set(bearer('caips'));
    expect(response.body.items.map((item: MeetingSummaryDto) => item.id)).toEqual([meeting.id]);
  });

  it('publishes the retour de mandat to every federation once, in the app and by mail', async () => {
    const minutes = '## Retour de mandat\n\nL’Observatoire publiera les **données par province** en juin.';
    const response = await sut.http().patch(`/api/meetings/${meeting.id}`).set(bearer('aleap')).send({ minutes });
    expect(response.status).toBe(200);
    expect(response.body.minutes).toBe(minutes);
    expect(response.body.reportedAt).toEqual(expect.any(String));

    const notification = await eventually(async () => {
      const list = (await sut.http().get('/api/notifications').set(bearer('codef'))).body as ListResponse<NotificationDto>;
      const found = list.items.find((item) => item.kind === 'meeting.reported');
      expect(found).toBeDefined();
      return found!;
    });
    expect(notification).toMatchObject({ title: 'Retour de mandat : « Observatoire — séance de printemps » — Observatoire de l’Intégration', link: `/agenda/${meeting.id}` });
    expect(notification.body).toContain('Nadia Benali (ALEAP)');
    expect(notification.body).toContain('29 mars 2027 à 10:00');
    expect(notification.body).toContain('« Retour de mandat L’Observatoire publiera les données par province en juin. »');

    await sut.http().patch(`/api/meetings/${meeting.id}`).set(bearer('aleap')).send({ minutes: `${minutes}\n\nComplément.` });
    // Every member but its author, ALEAP's representative.
    expect(await notifiedEmails(dataSource, 'meeting.reported', { link: `/agenda/${meeting.id}` })).toEqual(
      DEMO_MEMBER_EMAILS.filter((email) => email !== DEMO_EMAILS.aleap),
    );
    // Mails are kept just after the notifications are committed: wait for all six.
    await eventually(async () => {
      const mails = (await dataSource.query(`SELECT count(*)::int AS "count" FROM "outbox" WHERE "subject" LIKE 'Retour de mandat : « Observatoire — séance de printemps%'`)) as { count: number }[];
      expect(mails[0].count).toBe(6);
    });
  });

  it('keeps follow-up actions: no due date in the past, "my actions", done by the assignee', async () => {
    const past = await sut.http().post(`/api/meetings/${meeting.id}/actions`).set(bearer('aleap')).send({ title: 'Trop tard', due: addDays(brusselsDate(), -1) });
    expect(past.status).toBe(400);
    expect(past.body.message).toEqual(['due must not be in the past']);
    const badAssignee = await sut.http().post(`/api/meetings/${meeting.id}/actions`).set(bearer('aleap')).send({ title: 'X', assignee: 'personne' });
    expect(badAssignee.status).toBe(400);
    expect(badAssignee.body.message).toEqual(['assignee must be a UUID']);

    const created = await sut
      .http()
      .post(`/api/meetings/${meeting.id}/actions`)
      .set(bearer('aleap'))
      .send({ title: 'Envoyer les chiffres par province', assignee: logins.codef.user.id, due: addDays(brusselsDate(), 1) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ meetingTitle: 'Observatoire — séance de printemps', assignee: { displayName: 'Catherine Dubois' }, done: false, overdue: false });

    const mine = (await sut.http().get('/api/actions/mine').set(bearer('codef'))).body as ListResponse<MeetingActionDto>;
    expect(mine.items.map((action) => action.id)).toContain(created.body.id);

    expect((await sut.http().patch(`/api/actions/${created.body.id}`).set(bearer('codef')).send({ title: 'Autre chose' })).status).toBe(403);
    const done = await sut.http().patch(`/api/actions/${created.body.id}`).set(bearer('codef')).send({ done: true });
    expect(done.status).toBe(200);
    expect(done.body.done).toBe(true);
    const after = (await sut.http().get('/api/actions/mine').set(bearer('codef'))).body as ListResponse<MeetingActionDto>;
    expect(after.items.map((action) => action.id)).not.toContain(created.body.id);
  });

  it('reminds the assignee once of an action due tomorrow, even from two instances at once', async () => {
    const created = await sut
      .http()
      .post(`/api/meetings/${meeting.id}/actions`)
      .set(bearer('aleap'))
      .send({ title: 'Préparer la note de synthèse', assignee: logins.caips.user.id, due: addDays(brusselsDate(), 1) });
    const service = sut.app.get(MeetingsService);
    await Promise.all([service.remindDueActions(), service.remindDueActions()]);
    await service.remindDueActions();
    expect(await awaitNotifiedEmails(dataSource, 'meeting.action_due', { titleLike: '%note de synthèse%' })).toEqual(['caips@demo.coupole.be']);
    expect(created.status).toBe(201);
  });

  describe('the personal iCal feed', () => {
    let path: string;

    it('is made on request, with a 128-bit token, and parses back with ical.js', async () => {
      expect((await sut.http().get('/api/calendar').set(bearer('aleap'))).body).toEqual({ token: null, path: null, createdAt: null });
      const made = await sut.http().post('/api/calendar/token').set(bearer('aleap'));
      expect(made.status).toBe(200);
      expect(made.body.token).toMatch(/^[0-9a-f]{32}$/);
      path = made.body.path;
      expect(path).toBe(`/api/calendar/${made.body.token}.ics`);

      const feed = await sut.http().get(path);
      expect(feed.status).toBe(200);
      expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
      const parsed = parseCalendar(feed.text);
      expect(parsed.timezones).toEqual(['Europe/Brussels']);
      const event = parsed.events.find((item) => item.uid === `${meeting.id}@coupole`);
      expect(event).toMatchObject({
        summary: 'Observatoire — séance de printemps',
        tzid: 'Europe/Brussels',
        wallClock: '2027-03-29T10:00:00',
        start: '2027-03-29T08:00:00.000Z',
        end: '2027-03-29T10:30:00.000Z',
        status: 'CONFIRMED',
      });
      expect(feed.text).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
    });

    it('carries only the owner’s meetings', async () => {
      const parsed = parseCalendar((await sut.http().get(path)).text);
      const ids = new Set(parsed.events.map((event) => event.uid));
      const others = (await dataSource.query(
        `SELECT "id" FROM "meetings" m WHERE "created_by" <> $1 AND NOT EXISTS (SELECT 1 FROM "meeting_attendees" a WHERE a."meeting_id" = m."id" AND a."user_id" = $1)`,
        [logins.aleap.user.id],
      )) as { id: string }[];
      expect(others.length).toBeGreaterThan(0);
      for (const { id } of others) expect(ids.has(`${id}@coupole`)).toBe(false);
    });

    it('keeps the UID, raises SEQUENCE on a change and marks a cancellation', async () => {
      const before = parseCalendar((await sut.http().get(path)).text).events.find((event) => event.uid === `${meeting.id}@coupole`)!;
      await sut.http().patch(`/api/meetings/${meeting.id}`).set(bearer('facilitator')).send({ status: 'cancelled' });
      const after = parseCalendar((await sut.http().get(path)).text).events.find((event) => event.uid === `${meeting.id}@coupole`)!;
      expect(after.sequence).toBe(before.sequence + 1);
      expect(after.status).toBe('CANCELLED');
    });

    it('stops answering once revoked or renewed, and refuses a malformed token', async () => {
      const renewed = await sut.http().post('/api/calendar/token').set(bearer('aleap'));
      expect(renewed.body.path).not.toBe(path);
      expect((await sut.http().get(path)).status).toBe(404);
      expect((await sut.http().get(renewed.body.path)).status).toBe(200);
      const revoked = await sut.http().delete('/api/calendar/token').set(bearer('aleap'));
      expect(revoked.body).toEqual({ token: null, path: null, createdAt: null });
      expect((await sut.http().get(renewed.body.path)).status).toBe(404);
      expect((await sut.http().get('/api/calendar/not-a-token.ics')).status).toBe(400);
    });
  });
});
