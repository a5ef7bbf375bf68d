import { isMandateEndingSoon, mandateState, validateMandateDates } from './mandates';

describe('mandates', () => {
  const today = '2026-12-01';

  it('is upcoming before its start, current until its end day included, past after', () => {
    expect(mandateState({ startDate: '2026-12-02', endDate: null }, today)).toBe('upcoming');
    expect(mandateState({ startDate: '2026-01-01', endDate: '2026-12-01' }, today)).toBe('current');
    expect(mandateState({ startDate: '2026-01-01', endDate: null }, today)).toBe('current');
    expect(mandateState({ startDate: '2025-01-01', endDate: '2026-11-30' }, today)).toBe('past');
  });

  it('flags a mandate ending within 60 days, not one ending later, ended or open-ended', () => {
    expect(isMandateEndingSoon({ startDate: '2026-01-01', endDate: '2027-01-30' }, today)).toBe(true);
    expect(isMandateEndingSoon({ startDate: '2026-01-01', endDate: '2026-12-01' }, today)).toBe(true);
    expect(isMandateEndingSoon({ startDate: '2026-01-01', endDate: '2027-01-31' }, today)).toBe(false);
    expect(isMandateEndingSoon({ startDate: '2026-01-01', endDate: '2026-11-30' }, today)).toBe(false);
    expect(isMandateEndingSoon({ startDate: '2026-01-01', endDate: null }, today)).toBe(false);
    expect(isMandateEndingSoon({ startDate: '2026-12-10', endDate: '2026-12-20' }, today)).toBe(true);
  });

  it('names the fields of bad dates and refuses an end before the start', () => {
    expect(validateMandateDates({ startDate: '2026-01-01', endDate: '2026-12-31' })).toEqual([]);
    expect(validateMandateDates({ startDate: '2026-01-01', endDate: null })).toEqual([]);
    expect(validateMandateDates({ startDate: '2026-01-01' })).toEqual([]);
    expect(validateMandateDates({ startDate: '2026-12-31', endDate: '2026-01-01' })).toEqual(['endDate must not be before startDate']);
    expect(validateMandateDates({ startDate: 'hier', endDate: '2026-13-01' })).toEqual([
      'startDate must be a date (YYYY-MM-DD)',
      'endDate must be a date (YYYY-MM-DD) or null',
    ]);
  });
});
