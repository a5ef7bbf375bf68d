import { canPublish, publicationSlug } from './publications';

describe('canPublish', () => {
  it('publishes only adopted texts', () => {
    expect(canPublish('adopted')).toBe(true);
    expect(canPublish('drafting')).toBe(false);
    expect(canPublish('in_round')).toBe(false);
    expect(canPublish('withdrawn')).toBe(false);
  });
});

describe('publicationSlug', () => {
  const id = '3f2a9c1e-5b7d-4e0a-9f1b-2c3d4e5f6a7b';

  it('turns the French title into ASCII words followed by the id’s first eight characters', () => {
    expect(publicationSlug('Réforme 2025 : l’accueil des primo-arrivants', id)).toBe('reforme-2025-l-accueil-des-primo-arrivants-3f2a9c1e');
  });

  it('falls back on the id alone when the title has no letters', () => {
    expect(publicationSlug('« … »', id)).toBe('3f2a9c1e');
  });

  it('stays within the maximum length without a trailing dash', () => {
    const slug = publicationSlug('mot '.repeat(100), id);
    expect(slug.length).toBeLessThanOrEqual(120);
    expect(slug).toMatch(/^[a-z0-9-]+-3f2a9c1e$/);
    expect(slug).not.toMatch(/--/);
  });
});
