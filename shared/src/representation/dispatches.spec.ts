import {
  canMoveDispatch,
  changeDispatch,
  dispatchDueDate,
  isDispatchable,
  isDispatchOpen,
  isDispatchOverdue,
  type DispatchState,
} from './dispatches';

const now = new Date('2026-12-01T10:00:00Z');
const toSend: DispatchState = { status: 'to_send', sentAt: null, answeredAt: null, answer: null, overdueAfterDays: 30 };
const sent: DispatchState = { ...toSend, status: 'sent', sentAt: '2026-11-01' };

describe('dispatch status machine', () => {
  it('goes to_send → sent → answered | no_answer, and a late answer after no_answer', () => {
    expect(canMoveDispatch('to_send', 'sent')).toBe(true);
    expect(canMoveDispatch('sent', 'answered')).toBe(true);
    expect(canMoveDispatch('sent', 'no_answer')).toBe(true);
    expect(canMoveDispatch('no_answer', 'answered')).toBe(true);
    expect(canMoveDispatch('sent', 'sent')).toBe(true);
  });

  it('never skips sending or goes back', () => {
    expect(canMoveDispatch('to_send', 'answered')).toBe(false);
    expect(canMoveDispatch('to_send', 'no_answer')).toBe(false);
    expect(canMoveDispatch('sent', 'to_send')).toBe(false);
    expect(canMoveDispatch('answered', 'sent')).toBe(false);
    expect(canMoveDispatch('answered', 'no_answer')).toBe(false);
  });

  it('dates a sending or an answer today when no date is given', () => {
    expect(changeDispatch(toSend, { status: 'sent' }, now)).toEqual({ ok: true, value: { ...toSend, status: 'sent', sentAt: '2026-12-01' } });
    expect(changeDispatch(sent, { status: 'answered', answer: 'Merci.' }, now)).toEqual({
      ok: true,
      value: { ...sent, status: 'answered', answeredAt: '2026-12-01', answer: 'Merci.' },
    });
    expect(changeDispatch(sent, { status: 'no_answer' }, now)).toEqual({ ok: true, value: { ...sent, status: 'no_answer' } });
  });

  it('reports a refused move as a conflict', () => {
    expect(changeDispatch(toSend, { status: 'answered' }, now)).toEqual({ ok: false, conflict: 'status cannot go from to_send to answered', errors: [] });
  });

  it('names bad dates: in the future, malformed, answer before sending', () => {
    expect(changeDispatch(toSend, { status: 'sent', sentAt: '2026-12-02' }, now)).toEqual({ ok: false, errors: ['sentAt must not be in the future'] });
    expect(changeDispatch(toSend, { status: 'sent', sentAt: '1/12/2026' }, now)).toEqual({ ok: false, errors: ['sentAt must be a date (YYYY-MM-DD)'] });
    expect(changeDispatch(sent, { status: 'answered', answeredAt: '2026-10-01' }, now)).toEqual({
      ok: false,
      errors: ['answeredAt must not be before sentAt'],
    });
    expect(changeDispatch(toSend, { sentAt: '2026-11-01' }, now)).toEqual({ ok: false, errors: ['sentAt must be empty until the text is sent'] });
    expect(changeDispatch(sent, { answer: 'Trop tôt' }, now)).toEqual({
      ok: false,
      errors: ['answeredAt and answer are only kept once status is answered'],
    });
  });
});

describe('overdue dispatches', () => {
  it('is overdue once the chosen delay after sending has passed without an answer', () => {
    expect(dispatchDueDate(sent)).toBe('2026-12-01');
    expect(isDispatchOverdue(sent, now)).toBe(false);
    expect(isDispatchOverdue(sent, new Date('2026-12-02T10:00:00Z'))).toBe(true);
    expect(isDispatchOverdue({ ...sent, overdueAfterDays: 10 }, now)).toBe(true);
  });

  it('is never overdue before sending or once answered or closed without answer', () => {
    expect(isDispatchOverdue(toSend, now)).toBe(false);
    expect(isDispatchOverdue({ ...sent, status: 'answered' }, now)).toBe(false);
    expect(isDispatchOverdue({ ...sent, status: 'no_answer' }, now)).toBe(false);
    expect(isDispatchOpen('to_send')).toBe(true);
    expect(isDispatchOpen('sent')).toBe(true);
    expect(isDispatchOpen('answered')).toBe(false);
  });

  it('follows up letters, parliamentary questions and memoranda only', () => {
    expect(isDispatchable('courrier')).toBe(true);
    expect(isDispatchable('question_parlementaire')).toBe(true);
    expect(isDispatchable('memorandum')).toBe(true);
    expect(isDispatchable('note_technique')).toBe(false);
  });
});
