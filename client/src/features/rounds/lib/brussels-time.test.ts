import { brusselsLocalToIso, isoToBrusselsLocal } from './brussels-time';

describe('brusselsLocalToIso', () => {
  it('reads a winter time as UTC+1', () => {
    expect(brusselsLocalToIso('2026-01-15T10:00')).toBe('2026-01-15T09:00:00.000Z');
  });

  it('reads a summer time as UTC+2', () => {
    expect(brusselsLocalToIso('2026-07-01T10:00')).toBe('2026-07-01T08:00:00.000Z');
  });

  it('switches offset on the day of the spring change', () => {
    expect(brusselsLocalToIso('2026-03-29T01:30')).toBe('2026-03-29T00:30:00.000Z');
    expect(brusselsLocalToIso('2026-03-29T03:30')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('moves a time skipped by the spring change one hour later', () => {
    expect(brusselsLocalToIso('2026-03-29T02:30')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('takes the winter-time occurrence of an hour that happens twice in October', () => {
    expect(brusselsLocalToIso('2026-10-25T02:30')).toBe('2026-10-25T01:30:00.000Z');
    expect(brusselsLocalToIso('2026-10-25T01:30')).toBe('2026-10-24T23:30:00.000Z');
  });

  it('crosses midnight and the year in UTC', () => {
    expect(brusselsLocalToIso('2027-01-01T00:30')).toBe('2026-12-31T23:30:00.000Z');
  });

  it.each(['', '2026-02-30T10:00', '2026-13-01T10:00', '2026-01-01T24:00', '2026-01-01 10:00', '2026-01-01T10:00:00'])(
    'refuses %p',
    (value) => {
      expect(brusselsLocalToIso(value)).toBeNull();
    },
  );
});

describe('isoToBrusselsLocal', () => {
  it('shows a winter instant in Brussels time', () => {
    expect(isoToBrusselsLocal('2026-01-15T09:00:00.000Z')).toBe('2026-01-15T10:00');
  });

  it('shows a summer instant in Brussels time', () => {
    expect(isoToBrusselsLocal('2026-07-01T21:59:00Z')).toBe('2026-07-01T23:59');
  });

  it('gives the next Brussels day for a late UTC evening', () => {
    expect(isoToBrusselsLocal('2026-06-30T22:15:00Z')).toBe('2026-07-01T00:15');
  });

  it('answers empty for an invalid date', () => {
    expect(isoToBrusselsLocal('not a date')).toBe('');
  });

  it.each(['2026-01-15T10:00', '2026-07-01T10:00', '2026-03-29T03:00', '2026-10-25T03:00', '2026-12-31T23:59'])(
    'round-trips %s through UTC',
    (local) => {
      expect(isoToBrusselsLocal(brusselsLocalToIso(local)!)).toBe(local);
    },
  );
});
