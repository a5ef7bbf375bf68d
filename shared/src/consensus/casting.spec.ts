import { castingFederation, representedFederation } from './casting';

const round = { participants: ['caips', 'codef', 'fdss'] as const };

describe('representedFederation', () => {
  it("gives a representative's federation", () => {
    expect(representedFederation({ role: 'representative', federation: 'caips' })).toBe('caips');
  });

  it('gives nothing to the secretariat, observers, or a representative without federation', () => {
    expect(representedFederation({ role: 'facilitator', federation: null })).toBeNull();
    expect(representedFederation({ role: 'admin', federation: 'caips' })).toBeNull();
    expect(representedFederation({ role: 'observer', federation: null })).toBeNull();
    expect(representedFederation({ role: 'representative', federation: null })).toBeNull();
  });
});

describe('castingFederation', () => {
  it("casts for the representative's federation when it takes part", () => {
    expect(castingFederation({ role: 'representative', federation: 'codef' }, round)).toBe('codef');
  });

  it('casts for nobody when the federation does not take part or the user represents none', () => {
    expect(castingFederation({ role: 'representative', federation: 'risome' }, round)).toBeNull();
    expect(castingFederation({ role: 'facilitator', federation: null }, round)).toBeNull();
  });
});
