import { canKeepIli, canReadIlis, iliExportRow, iliKey, landscapeOf, parseIliRecord, provinceOfPostalCode } from './ilis';

describe('provinceOfPostalCode', () => {
  it.each([
    ['1300', 'brabant_wallon'],
    ['1499', 'brabant_wallon'],
    ['4000', 'liege'],
    ['5000', 'namur'],
    ['6000', 'hainaut'],
    ['6599', 'hainaut'],
    ['6600', 'luxembourg'],
    ['6999', 'luxembourg'],
    ['7000', 'hainaut'],
  ])('places %s in %s', (code, province) => expect(provinceOfPostalCode(code)).toBe(province));

  it.each(['1000', '2000', '8000', '9000', '130', 'abcd'])('finds no Walloon province for %s', (code) => expect(provinceOfPostalCode(code)).toBeNull());
});

describe('directory permissions', () => {
  const affiliate = { affiliation: 'federation' as const, federation: 'aleap' as const };
  it('lets the secretariat keep everything and a representative its own affiliates only', () => {
    expect(canKeepIli({ role: 'facilitator', federationSlug: null }, { affiliation: 'none', federation: null })).toBe(true);
    expect(canKeepIli({ role: 'admin', federationSlug: null }, affiliate)).toBe(true);
    expect(canKeepIli({ role: 'representative', federationSlug: 'aleap' }, affiliate)).toBe(true);
    expect(canKeepIli({ role: 'representative', federationSlug: 'caips' }, affiliate)).toBe(false);
    expect(canKeepIli({ role: 'representative', federationSlug: 'aleap' }, { affiliation: 'copili', federation: null })).toBe(false);
    expect(canKeepIli({ role: 'representative', federationSlug: null }, affiliate)).toBe(false);
    expect(canKeepIli({ role: 'observer', federationSlug: null }, affiliate)).toBe(false);
  });

  it('hides the directory from observers', () => {
    expect(canReadIlis({ role: 'observer', federationSlug: null })).toBe(false);
    expect(canReadIlis({ role: 'representative', federationSlug: 'fdss' })).toBe(true);
  });
});

describe(parseIliRecord.name, () => {
  const base = { nom: 'Alpha Namur', commune: 'Namur', 'code postal': '5000' };

  it('reads a minimal row, the province from the postal code, no membership', () => {
    expect(parseIliRecord(base)).toEqual({
      ok: true,
      value: { name: 'Alpha Namur', commune: 'Namur', postalCode: '5000', province: 'namur', affiliation: 'none', federation: null, email: null, phone: null, website: null, active: true },
    });
  });

  it('implies the affiliation from a federation, case-insensitively', () => {
    expect(parseIliRecord({ ...base, federation: 'CODEF' })).toMatchObject({ ok: true, value: { affiliation: 'federation', federation: 'codef' } });
    expect(parseIliRecord({ ...base, affiliation: 'COPILI' })).toMatchObject({ ok: true, value: { affiliation: 'copili' } });
    expect(parseIliRecord({ ...base, affiliation: 'aucune' })).toMatchObject({ ok: true, value: { affiliation: 'none' } });
  });

  it('accepts the province by label, with or without accents', () => {
    expect(parseIliRecord({ ...base, commune: 'Liège', 'code postal': '4000', province: 'Liege' })).toMatchObject({ ok: true, value: { province: 'liege' } });
    expect(parseIliRecord({ ...base, 'code postal': '1300', province: 'brabant-wallon' })).toMatchObject({ ok: true, value: { province: 'brabant_wallon' } });
  });

  it.each([
    [{ commune: 'Namur', 'code postal': '5000' }, 'nom manquant'],
    [{ ...base, nom: 'x'.repeat(201) }, 'nom trop long'],
    [{ ...base, commune: '' }, 'commune manquante'],
    [{ ...base, commune: 'x'.repeat(101) }, 'commune trop longue'],
    [{ ...base, 'code postal': '' }, 'code postal manquant'],
    [{ ...base, 'code postal': '1000' }, 'hors de Wallonie'],
    [{ ...base, province: 'Flandre' }, 'province inconnue'],
    [{ ...base, province: 'Hainaut' }, 'n’est pas dans la province'],
    [{ ...base, federation: 'fcri' }, 'fédération inconnue'],
    [{ ...base, affiliation: 'autre' }, 'affiliation inconnue'],
    [{ ...base, affiliation: 'federation' }, 'fédération manquante'],
    [{ ...base, affiliation: 'copili', federation: 'aleap' }, 'n’a pas de fédération'],
    [{ ...base, email: 'nope' }, 'e-mail invalide'],
    [{ ...base, telephone: 'appelez' }, 'téléphone invalide'],
    [{ ...base, 'site web': 'www.x.be' }, 'site web invalide'],
    [{ ...base, actif: 'peut-être' }, 'actif doit valoir oui ou non'],
  ])('names what is wrong (%#)', (record, message) => {
    const result = parseIliRecord(record);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
  });

  it('reads actif, contact fields and lower-cases the e-mail', () => {
    expect(parseIliRecord({ ...base, actif: 'non', email: 'Info@X.example', telephone: '081 22 33 44', 'site web': 'https://x.example' })).toMatchObject({
      ok: true,
      value: { active: false, email: 'info@x.example', phone: '081 22 33 44', website: 'https://x.example' },
    });
    expect(parseIliRecord({ ...base, actif: 'Oui' })).toMatchObject({ ok: true, value: { active: true } });
  });

  it('reads back what the export writes', () => {
    const parsed = parseIliRecord({ ...base, federation: 'fdss', email: 'a@b.example' });
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parseIliRecord(iliExportRow(parsed.value))).toEqual(parsed);
  });
});

describe('iliKey and landscapeOf', () => {
  it('matches names across case and accents', () => {
    expect(iliKey({ name: 'Maison Éveil', postalCode: '5000' })).toBe(iliKey({ name: 'maison  eveil ', postalCode: '5000' }));
  });

  it('counts every key, zero when empty', () => {
    expect(landscapeOf([])).toEqual({
      total: 0,
      byAffiliation: { federation: 0, copili: 0, none: 0 },
      byFederation: { aleap: 0, caips: 0, codef: 0, fdss: 0, risome: 0 },
      byProvince: { brabant_wallon: 0, hainaut: 0, liege: 0, luxembourg: 0, namur: 0 },
    });
    const landscape = landscapeOf([
      { affiliation: 'federation', federation: 'risome', province: 'namur' },
      { affiliation: 'copili', federation: null, province: 'namur' },
    ]);
    expect(landscape).toMatchObject({ total: 2, byAffiliation: { federation: 1, copili: 1 }, byFederation: { risome: 1 }, byProvince: { namur: 2 } });
  });
});
