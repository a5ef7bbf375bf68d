import type { MeetingDto } from '@coupole/shared';
import { meetingFormValues, meetingInput, newMeetingValues } from './meeting-form-values';

const meeting = {
  id: 'm1',
  title: 'CESE — séance plénière',
  kind: 'mandate',
  status: 'scheduled',
  start: '2027-03-27T18:00',
  end: '2027-03-28T03:00',
  startsAt: '2027-03-27T17:00:00.000Z',
  endsAt: '2027-03-28T01:00:00.000Z',
  place: 'Liège',
  link: null,
  body: { id: 'b1', name: 'CESE Wallonie' },
  attendees: [{ id: 'u1', displayName: 'Awa', federation: 'aleap' }],
  agenda: [
    { title: 'Avis', documentId: 'd1', documentTitle: 'Avis', roundId: 'r1' },
    { title: 'Divers', documentId: null, documentTitle: null, roundId: null },
  ],
} as unknown as MeetingDto;

describe('meeting form values', () => {
  it('schedules a new meeting a week ahead, 10:00–12:00, its author attending, with one empty agenda row', () => {
    const values = newMeetingValues('u1', '2026-12-01');
    expect(values).toMatchObject({ day: '2026-12-08', start: '10:00', end: '12:00', endDayOffset: 0, attendeeIds: ['u1'] });
    expect(meetingInput({ ...values, title: 'Coupole' })).toEqual({
      title: 'Coupole',
      kind: 'coupole',
      start: '2026-12-08T10:00',
      end: '2026-12-08T12:00',
      place: '',
      link: null,
      bodyId: null,
      attendeeIds: ['u1'],
      agenda: [],
    });
  });

  it('gives back an unchanged meeting’s details, its rounds kept, across the night of the spring change', () => {
    const values = meetingFormValues(meeting);
    expect(values).toMatchObject({ day: '2027-03-27', start: '18:00', end: '03:00', endDayOffset: 1, bodyId: 'b1', attendeeIds: ['u1'] });
    expect(meetingInput(values)).toEqual({
      title: meeting.title,
      kind: 'mandate',
      start: meeting.start,
      end: meeting.end,
      place: 'Liège',
      link: null,
      bodyId: 'b1',
      attendeeIds: ['u1'],
      agenda: [
        { title: 'Avis', documentId: 'd1', roundId: 'r1' },
        { title: 'Divers', documentId: null, roundId: null },
      ],
    });
  });

  it('moves the end with the day, keeping the meeting’s length in days', () => {
    expect(meetingInput({ ...meetingFormValues(meeting), day: '2027-03-31' })).toMatchObject({ start: '2027-03-31T18:00', end: '2027-04-01T03:00' });
  });
});
