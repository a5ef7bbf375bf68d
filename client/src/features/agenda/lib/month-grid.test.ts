import { gridRange, isMonth, monthGrid, shiftMonth } from './month-grid';

describe('month grid', () => {
  it('covers March 2027 with whole weeks from Monday 1 March to Sunday 4 April', () => {
    const weeks = monthGrid('2027-03');
    expect(weeks).toHaveLength(5);
    expect(weeks[0][0]).toEqual({ date: '2027-03-01', inMonth: true });
    expect(weeks[4][6]).toEqual({ date: '2027-04-04', inMonth: false });
    expect(weeks.every((week) => week.length === 7)).toBe(true);
  });

  it('starts on the Monday before the first day, in the previous month', () => {
    expect(monthGrid('2026-12')[0][0]).toEqual({ date: '2026-11-30', inMonth: false });
    expect(gridRange('2026-12')).toEqual({ from: '2026-11-30', to: '2027-01-03' });
  });

  it('moves between months across years', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2027-01', -1)).toBe('2026-12');
    expect(isMonth('2026-12')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth(null)).toBe(false);
  });
});
