import type { Affiliation, FederationSlug, IliFields, Province } from '@coupole/shared';

/** Real Walloon communes with their main postal code (the ILI placed in them are fictional). */
export const DEMO_COMMUNES: ReadonlyArray<{ commune: string; postalCode: string; province: Province }> = [
  { commune: 'Wavre', postalCode: '1300', province: 'brabant_wallon' },
  { commune: 'Rixensart', postalCode: '1330', province: 'brabant_wallon' },
  { commune: 'Ottignies-Louvain-la-Neuve', postalCode: '1340', province: 'brabant_wallon' },
  { commune: 'Perwez', postalCode: '1360', province: 'brabant_wallon' },
  { commune: 'Jodoigne', postalCode: '1370', province: 'brabant_wallon' },
  { commune: 'Nivelles', postalCode: '1400', province: 'brabant_wallon' },
  { commune: 'Waterloo', postalCode: '1410', province: 'brabant_wallon' },
  { commune: 'Braine-l’Alleud', postalCode: '1420', province: 'brabant_wallon' },
  { commune: 'Genappe', postalCode: '1470', province: 'brabant_wallon' },
  { commune: 'Tubize', postalCode: '1480', province: 'brabant_wallon' },
  { commune: 'Court-Saint-Étienne', postalCode: '1490', province: 'brabant_wallon' },
  { commune: 'Charleroi', postalCode: '6000', province: 'hainaut' },
  { commune: 'Courcelles', postalCode: '6180', province: 'hainaut' },
  { commune: 'Châtelet', postalCode: '6200', province: 'hainaut' },
  { commune: 'Fleurus', postalCode: '6220', province: 'hainaut' },
  { commune: 'Farciennes', postalCode: '6240', province: 'hainaut' },
  { commune: 'Chimay', postalCode: '6460', province: 'hainaut' },
  { commune: 'Thuin', postalCode: '6530', province: 'hainaut' },
  { commune: 'Mons', postalCode: '7000', province: 'hainaut' },
  { commune: 'Soignies', postalCode: '7060', province: 'hainaut' },
  { commune: 'Frameries', postalCode: '7080', province: 'hainaut' },
  { commune: 'La Louvière', postalCode: '7100', province: 'hainaut' },
  { commune: 'Binche', postalCode: '7130', province: 'hainaut' },
  { commune: 'Manage', postalCode: '7170', province: 'hainaut' },
  { commune: 'Boussu', postalCode: '7300', province: 'hainaut' },
  { commune: 'Saint-Ghislain', postalCode: '7330', province: 'hainaut' },
  { commune: 'Tournai', postalCode: '7500', province: 'hainaut' },
  { commune: 'Péruwelz', postalCode: '7600', province: 'hainaut' },
  { commune: 'Mouscron', postalCode: '7700', province: 'hainaut' },
  { commune: 'Comines-Warneton', postalCode: '7780', province: 'hainaut' },
  { commune: 'Ath', postalCode: '7800', province: 'hainaut' },
  { commune: 'Liège', postalCode: '4000', province: 'liege' },
  { commune: 'Herstal', postalCode: '4040', province: 'liege' },
  { commune: 'Chaudfontaine', postalCode: '4050', province: 'liege' },
  { commune: 'Seraing', postalCode: '4100', province: 'liege' },
  { commune: 'Waremme', postalCode: '4300', province: 'liege' },
  { commune: 'Flémalle', postalCode: '4400', province: 'liege' },
  { commune: 'Saint-Nicolas', postalCode: '4420', province: 'liege' },
  { commune: 'Ans', postalCode: '4430', province: 'liege' },
  { commune: 'Grâce-Hollogne', postalCode: '4460', province: 'liege' },
  { commune: 'Huy', postalCode: '4500', province: 'liege' },
  { commune: 'Amay', postalCode: '4540', province: 'liege' },
  { commune: 'Visé', postalCode: '4600', province: 'liege' },
  { commune: 'Herve', postalCode: '4650', province: 'liege' },
  { commune: 'Oupeye', postalCode: '4680', province: 'liege' },
  { commune: 'Verviers', postalCode: '4800', province: 'liege' },
  { commune: 'Spa', postalCode: '4900', province: 'liege' },
  { commune: 'Malmedy', postalCode: '4960', province: 'liege' },
  { commune: 'Stavelot', postalCode: '4970', province: 'liege' },
  { commune: 'Bastogne', postalCode: '6600', province: 'luxembourg' },
  { commune: 'Vielsalm', postalCode: '6690', province: 'luxembourg' },
  { commune: 'Arlon', postalCode: '6700', province: 'luxembourg' },
  { commune: 'Virton', postalCode: '6760', province: 'luxembourg' },
  { commune: 'Aubange', postalCode: '6790', province: 'luxembourg' },
  { commune: 'Libramont-Chevigny', postalCode: '6800', province: 'luxembourg' },
  { commune: 'Bouillon', postalCode: '6830', province: 'luxembourg' },
  { commune: 'Neufchâteau', postalCode: '6840', province: 'luxembourg' },
  { commune: 'Marche-en-Famenne', postalCode: '6900', province: 'luxembourg' },
  { commune: 'Durbuy', postalCode: '6940', province: 'luxembourg' },
  { commune: 'Namur', postalCode: '5000', province: 'namur' },
  { commune: 'Gembloux', postalCode: '5030', province: 'namur' },
  { commune: 'Sambreville', postalCode: '5060', province: 'namur' },
  { commune: 'Fosses-la-Ville', postalCode: '5070', province: 'namur' },
  { commune: 'Sombreffe', postalCode: '5140', province: 'namur' },
  { commune: 'Jemeppe-sur-Sambre', postalCode: '5190', province: 'namur' },
  { commune: 'Andenne', postalCode: '5300', province: 'namur' },
  { commune: 'Dinant', postalCode: '5500', province: 'namur' },
  { commune: 'Rochefort', postalCode: '5580', province: 'namur' },
  { commune: 'Ciney', postalCode: '5590', province: 'namur' },
  { commune: 'Philippeville', postalCode: '5600', province: 'namur' },
  { commune: 'Couvin', postalCode: '5660', province: 'namur' },
];

/** The big cities hold several ILI: they come back more often in the rotation. */
const WEIGHTED_COMMUNES = ['Charleroi', 'Liège', 'Namur', 'Mons', 'La Louvière', 'Verviers', 'Seraing', 'Tournai', 'Mouscron', 'Herstal', 'Charleroi', 'Liège'];

const NAME_PATTERNS = [
  'La Passerelle',
  'Maison des Langues',
  'Espace Citoyen',
  'Alpha',
  'Accueil Solidaire',
  'Le Pont',
  'Ateliers Interculturels',
  'Entre Voisins',
  'Horizon Intégration',
  'Mosaïque',
  'Dialogue et Partage',
  'Trait d’Union',
  'Cours de français pour tous',
  'Carrefour des Cultures',
  'Racines et Ailes',
  'Les Amis du Monde',
];

/** 219 ILI as at the end of 2024: 163 affiliated, 31 COPILI-only, 25 with no membership. */
const AFFILIATION_PLAN: ReadonlyArray<{ affiliation: Affiliation; federation: FederationSlug | null; count: number }> = [
  { affiliation: 'federation', federation: 'aleap', count: 36 },
  { affiliation: 'federation', federation: 'caips', count: 31 },
  { affiliation: 'federation', federation: 'codef', count: 33 },
  { affiliation: 'federation', federation: 'fdss', count: 35 },
  { affiliation: 'federation', federation: 'risome', count: 28 },
  { affiliation: 'copili', federation: null, count: 31 },
  { affiliation: 'none', federation: null, count: 25 },
];

function slugOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The demo directory: deterministic (the same 219 ILI on every install), spread over real
 * communes of the five provinces, with fictional names and `.example` addresses that can never
 * reach anyone.
 */
export function demoIlis(): IliFields[] {
  const places = [...DEMO_COMMUNES, ...WEIGHTED_COMMUNES.map((name) => DEMO_COMMUNES.find((commune) => commune.commune === name)!)];
  const plan = AFFILIATION_PLAN.flatMap(({ affiliation, federation, count }) => Array.from({ length: count }, () => ({ affiliation, federation })));
  // Interleave the plan so each federation has members across the provinces.
  const order = plan.map((_, index) => (index * 37) % plan.length);
  const used = new Set<string>();
  return order.map((planIndex, index) => {
    const { affiliation, federation } = plan[planIndex];
    const place = places[(index * 11) % places.length];
    let name = `${NAME_PATTERNS[(index * 5 + planIndex) % NAME_PATTERNS.length]} ${place.commune}`;
    for (let suffix = 2; used.has(`${name}|${place.postalCode}`); suffix += 1) name = `${NAME_PATTERNS[(index + suffix) % NAME_PATTERNS.length]} ${place.commune}`;
    used.add(`${name}|${place.postalCode}`);
    const slug = slugOf(name);
    return {
      name,
      commune: place.commune,
      postalCode: place.postalCode,
      province: place.province,
      affiliation,
      federation,
      email: `contact@${slug}.example`,
      phone: `+32 ${place.postalCode.slice(0, 2)} ${String(100 + ((index * 37) % 900))} ${String(10 + ((index * 13) % 90))} ${String(10 + ((index * 29) % 90))}`,
      website: index % 3 === 0 ? `https://${slug}.example` : null,
      active: true,
    };
  });
}
