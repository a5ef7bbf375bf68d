import fc from 'fast-check';
import { FEDERATION_SLUGS } from '../domain/federations';
import { orderedParticipants, tally, type CountedPosition } from './tally';
import { STANCES } from './types';

describe('tally', () => {
  it('counts stances, answered and missing federations, objections and reservations', () => {
    const positions: CountedPosition[] = [
      { federation: 'risome', stance: 'object', reason: 'Non.' },
      { federation: 'aleap', stance: 'reservations', reason: 'Le §3 est flou.', paragraphs: ['p3'] },
      { federation: 'codef', stance: 'reservations' },
      { federation: 'caips', stance: 'agree' },
    ];
    expect(tally(positions, [...FEDERATION_SLUGS].reverse())).toEqual({
      participants: ['aleap', 'caips', 'codef', 'fdss', 'risome'],
      counts: { agree: 1, reservations: 2, stand_aside: 0, object: 1 },
      answered: ['aleap', 'caips', 'codef', 'risome'],
      missing: ['fdss'],
      objecting: ['risome'],
      reservations: [
        { federation: 'aleap', reason: 'Le §3 est flou.', paragraphs: ['p3'] },
        { federation: 'codef', reason: null, paragraphs: [] },
      ],
      progress: { answered: 4, total: 5, ratio: 0.8 },
    });
  });

  it('ignores non-participants and counts the last of repeated positions', () => {
    const result = tally(
      [
        { federation: 'aleap', stance: 'object' },
        { federation: 'aleap', stance: 'agree' },
        { federation: 'fdss', stance: 'agree' },
      ],
      ['aleap', 'caips', 'aleap'],
    );
    expect(result.participants).toEqual(['aleap', 'caips']);
    expect(result.counts).toEqual({ agree: 1, reservations: 0, stand_aside: 0, object: 0 });
    expect(result.progress).toEqual({ answered: 1, total: 2, ratio: 0.5 });
  });

  it('reports no progress for a round without participants', () => {
    expect(tally([], []).progress).toEqual({ answered: 0, total: 0, ratio: 0 });
  });

  it('always splits participants into answered and missing, and counts add up', () => {
    const position = fc.record({
      federation: fc.constantFrom(...FEDERATION_SLUGS),
      stance: fc.constantFrom(...STANCES),
    });
    fc.assert(
      fc.property(fc.array(position), fc.subarray([...FEDERATION_SLUGS]), (positions, participants) => {
        const t = tally(positions, participants);
        expect([...t.answered, ...t.missing].sort()).toEqual([...participants].sort());
        expect(STANCES.reduce((sum, s) => sum + t.counts[s], 0)).toBe(t.answered.length);
        expect(t.objecting).toHaveLength(t.counts.object);
        expect(t.reservations).toHaveLength(t.counts.reservations);
      }),
    );
  });
});

describe('orderedParticipants', () => {
  it('puts participants in the canonical order without repeats', () => {
    expect(orderedParticipants(['risome', 'aleap', 'risome'])).toEqual(['aleap', 'risome']);
  });
});
