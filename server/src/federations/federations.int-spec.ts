import type { FederationDto, ListResponse } from '@coupole/shared';
import { startTestApp, TestApp } from '../test/test-app';

function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((index) => {
    const channel = parseInt(hex.slice(index, index + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('federations (integration)', () => {
  let sut: TestApp;
  let federations: ListResponse<FederationDto>;

  beforeAll(async () => {
    sut = await startTestApp();
    const { accessToken } = await sut.login('observateur@demo.coupole.be');
    const response = await sut.http().get('/api/federations').set('Authorization', `Bearer ${accessToken}`);
    expect(response.status).toBe(200);
    federations = response.body as ListResponse<FederationDto>;
  });

  afterAll(() => sut?.close());

  it('lists the five federations with their websites', () => {
    expect(federations.total).toBe(5);
    expect(federations.items.map(({ slug, name, website }) => ({ slug, name, website }))).toEqual([
      { slug: 'aleap', name: 'ALEAP', website: 'https://aleap.be/' },
      { slug: 'caips', name: 'CAIPS', website: 'https://www.caips.be/' },
      { slug: 'codef', name: 'CODEF', website: 'https://www.codef.be/' },
      { slug: 'fdss', name: 'FdSS – Fédération des Services Sociaux', website: 'https://www.fdss.be/fr/' },
      { slug: 'risome', name: 'Risome', website: 'https://www.risome.be/' },
    ]);
  });

  it('gives each a distinct colour readable as text on white (contrast ≥ 4.5:1)', () => {
    const colours = federations.items.map((federation) => federation.colour);
    expect(new Set(colours).size).toBe(5);
    for (const colour of colours) {
      expect((1.05 / (relativeLuminance(colour) + 0.05))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('lists active representatives, titular first', () => {
    const caips = federations.items.find((federation) => federation.slug === 'caips');
    expect(caips?.representatives.map(({ displayName, mandate }) => ({ displayName, mandate }))).toEqual([
      { displayName: expect.any(String), mandate: 'titular' },
      { displayName: expect.any(String), mandate: 'substitute' },
    ]);
    for (const federation of federations.items) expect(federation.representatives[0]).toMatchObject({ mandate: 'titular' });
  });

  it('shows representatives’ e-mails only to the secretariat, admins and their own federation', async () => {
    const emailsSeenBy = async (email: string) => {
      const { accessToken } = await sut.login(email);
      const response = await sut.http().get('/api/federations').set('Authorization', `Bearer ${accessToken}`);
      return (response.body as ListResponse<FederationDto>).items.flatMap((federation) =>
        federation.representatives.flatMap((member) => (member.email ? [member.email] : [])),
      );
    };

    expect(federations.items.flatMap((federation) => federation.representatives.map((member) => member.email))).toEqual(
      federations.items.flatMap((federation) => federation.representatives.map(() => undefined)),
    );
    expect(await emailsSeenBy('caips-suppleant@demo.coupole.be')).toEqual(['caips@demo.coupole.be', 'caips-suppleant@demo.coupole.be']);
    for (const manager of ['secretariat@demo.coupole.be', 'admin@demo.coupole.be']) {
      const seen = await emailsSeenBy(manager);
      expect(seen).toContain('caips-suppleant@demo.coupole.be');
      for (const slug of ['aleap', 'caips', 'codef', 'fdss', 'risome']) expect(seen).toContain(`${slug}@demo.coupole.be`);
    }
  });

  it('leaves out a deactivated representative', async () => {
    const admin = await sut.login('admin@demo.coupole.be');
    const substitute = federations.items.find((federation) => federation.slug === 'caips')!.representatives[1];
    await sut.http().patch(`/api/users/${substitute.id}`).set('Authorization', `Bearer ${admin.accessToken}`).send({ active: false }).expect(200);

    const response = await sut.http().get('/api/federations').set('Authorization', `Bearer ${admin.accessToken}`);

    const caips = (response.body as ListResponse<FederationDto>).items.find((federation) => federation.slug === 'caips');
    expect(caips?.representatives.map((member) => member.email)).toEqual(['caips@demo.coupole.be']);
  });
});
