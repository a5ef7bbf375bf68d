import { convergenceMap } from './convergence';

describe('convergenceMap', () => {
  it('shows, paragraph by paragraph, who points at it and who speaks for the whole text', () => {
    const rows = convergenceMap(
      ['p1', 'p2', 'p3'],
      [
        { federation: 'risome', stance: 'object', paragraphs: ['p2'] },
        { federation: 'aleap', stance: 'agree' },
        { federation: 'caips', stance: 'reservations', paragraphs: ['p2', 'p3', 'gone'] },
        { federation: 'fdss', stance: 'stand_aside', paragraphs: [] },
      ],
    );
    expect(rows).toEqual([
      {
        paragraphId: 'p1',
        stances: {
          agree: [{ federation: 'aleap', scope: 'whole_text' }],
          reservations: [],
          stand_aside: [{ federation: 'fdss', scope: 'whole_text' }],
          object: [],
        },
      },
      {
        paragraphId: 'p2',
        stances: {
          agree: [{ federation: 'aleap', scope: 'whole_text' }],
          reservations: [{ federation: 'caips', scope: 'paragraph' }],
          stand_aside: [{ federation: 'fdss', scope: 'whole_text' }],
          object: [{ federation: 'risome', scope: 'paragraph' }],
        },
      },
      {
        paragraphId: 'p3',
        stances: {
          agree: [{ federation: 'aleap', scope: 'whole_text' }],
          reservations: [{ federation: 'caips', scope: 'paragraph' }],
          stand_aside: [{ federation: 'fdss', scope: 'whole_text' }],
          object: [],
        },
      },
    ]);
  });

  it('lists federations in the canonical order and counts the last of repeated positions', () => {
    const [row] = convergenceMap(
      ['p1'],
      [
        { federation: 'risome', stance: 'agree' },
        { federation: 'codef', stance: 'object', paragraphs: ['p1'] },
        { federation: 'codef', stance: 'agree' },
      ],
    );
    expect(row.stances.agree.map((e) => e.federation)).toEqual(['codef', 'risome']);
    expect(row.stances.object).toEqual([]);
  });

  it('gives no rows for a version without paragraphs', () => {
    expect(convergenceMap([], [{ federation: 'aleap', stance: 'agree' }])).toEqual([]);
  });

  it('puts an objection on one list item on that item alone, and one on the whole list on every item', () => {
    const items = [
      { id: 'p-5.0-aaaaaaaa', blockId: 'p-5-bbbbbbbb' },
      { id: 'p-5.1-cccccccc', blockId: 'p-5-bbbbbbbb' },
    ];
    const rows = convergenceMap(items, [
      { federation: 'fdss', stance: 'object', paragraphs: ['p-5.0-aaaaaaaa'] },
      { federation: 'codef', stance: 'reservations', paragraphs: ['p-5-bbbbbbbb'] },
    ]);
    expect(rows.map((row) => row.stances.object.map((entry) => entry.federation))).toEqual([['fdss'], []]);
    expect(rows.map((row) => row.stances.reservations.map((entry) => entry.federation))).toEqual([['codef'], ['codef']]);
    expect(rows.map((row) => row.paragraphId)).toEqual(['p-5.0-aaaaaaaa', 'p-5.1-cccccccc']);
  });
});
