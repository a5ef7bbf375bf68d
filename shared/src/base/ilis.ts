import { FEDERATION_SLUGS, type FederationSlug } from '../domain/federations';
import type { Role } from '../domain/users';

export const PROVINCES = ['brabant_wallon', 'hainaut', 'liege', 'luxembourg', 'namur'] as const;
export type Province = (typeof PROVINCES)[number];

export const PROVINCE_LABELS: Record<Province, string> = {
  brabant_wallon: 'Brabant wallon',
  hainaut: 'Hainaut',
  liege: 'Liège',
  luxembourg: 'Luxembourg',
  namur: 'Namur',
};

/** `federation`: affiliated to one of the five; `copili`: member of the COPILI network only. */
export const AFFILIATIONS = ['federation', 'copili', 'none'] as const;
export type Affiliation = (typeof AFFILIATIONS)[number];

export const ILI_NAME_MAX_LENGTH = 200;
export const ILI_COMMUNE_MAX_LENGTH = 100;
export const ILI_EMAIL_MAX_LENGTH = 320;
export const ILI_PHONE_MAX_LENGTH = 40;
export const ILI_WEBSITE_MAX_LENGTH = 300;
export const ILI_SEARCH_MAX_LENGTH = 200;

export interface IliFields {
  name: string;
  commune: string;
  postalCode: string;
  province: Province;
  affiliation: Affiliation;
  federation: FederationSlug | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  active: boolean;
}

export interface IliDto extends IliFields {
  id: string;
  createdAt: string;
  updatedAt: string;
}

export type CreateIliRequest = Omit<IliFields, 'federation' | 'email' | 'phone' | 'website' | 'active'> & {
  federation?: FederationSlug | null;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
  active?: boolean;
};

export type UpdateIliRequest = Partial<CreateIliRequest>;

export interface ListIlisQuery {
  q?: string;
  affiliation?: Affiliation;
  federation?: FederationSlug;
  province?: Province;
  active?: boolean;
  limit?: number;
  offset?: number;
}

export interface IliImportError {
  /** Line in the file, the header being line 1. */
  row: number;
  message: string;
}

export interface IliImportResult {
  dryRun: boolean;
  created: number;
  updated: number;
  errors: IliImportError[];
  /** The rows read, in file order, valid or not (the wizard previews them). */
  rows: Array<{ row: number; name: string; commune: string; postalCode: string; action: 'create' | 'update' | 'error' }>;
}

export interface IliLandscapeDto {
  total: number;
  byAffiliation: Record<Affiliation, number>;
  byFederation: Record<FederationSlug, number>;
  byProvince: Record<Province, number>;
}

/** Who asks: the directory rules need only the role and federation. */
export interface IliActor {
  role: Role;
  federationSlug: FederationSlug | null;
}

/** Members read the directory; observers (partners) read nothing of it. */
export function canReadIlis(actor: IliActor): boolean {
  return actor.role !== 'observer';
}

/** The secretariat keeps the whole directory; a representative only its own federation's affiliates. */
export function canKeepIli(actor: IliActor, ili: Pick<IliFields, 'affiliation' | 'federation'>): boolean {
  if (actor.role === 'admin' || actor.role === 'facilitator') return true;
  if (actor.role !== 'representative' || !actor.federationSlug) return false;
  return ili.affiliation === 'federation' && ili.federation === actor.federationSlug;
}

/** Province of a Walloon postal code (bpost ranges), or null outside Wallonia. */
export function provinceOfPostalCode(postalCode: string): Province | null {
  if (!/^\d{4}$/.test(postalCode)) return null;
  const code = Number(postalCode);
  if (code >= 1300 && code <= 1499) return 'brabant_wallon';
  if (code >= 4000 && code <= 4999) return 'liege';
  if (code >= 5000 && code <= 5999) return 'namur';
  if (code >= 6600 && code <= 6999) return 'luxembourg';
  if ((code >= 6000 && code <= 6599) || (code >= 7000 && code <= 7999)) return 'hainaut';
  return null;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const WEBSITE_PATTERN = /^https?:\/\/[^\s]+$/i;
const PHONE_PATTERN = /^[+0-9][0-9 ./()-]{5,38}$/;

/** Accent- and case-folded text, for comparing names and labels typed by people. */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const PROVINCE_BY_FOLDED = new Map<string, Province>([
  ...PROVINCES.map((province) => [province, province] as const),
  ...PROVINCES.map((province) => [foldText(PROVINCE_LABELS[province]), province] as const),
  ['brabant-wallon', 'brabant_wallon'],
]);

const AFFILIATION_BY_FOLDED = new Map<string, Affiliation>([
  ['federation', 'federation'],
  ['copili', 'copili'],
  ['none', 'none'],
  ['aucune', 'none'],
  ['', 'none'],
]);

/** One spreadsheet row, by column name (header folded to lower case, accents removed). */
export type IliRecord = Partial<Record<string, string>>;

export type IliRowResult = { ok: true; value: IliFields } | { ok: false; message: string };

function cell(record: IliRecord, ...names: string[]): string {
  for (const name of names) {
    const value = record[name];
    if (value !== undefined && value.trim() !== '') return value.trim();
  }
  return '';
}

/**
 * Reads one imported row into ILI fields, or names what is wrong with it (in French: the
 * secretariat reads it in the import wizard). A federation name alone implies the affiliation.
 */
export function parseIliRecord(record: IliRecord): IliRowResult {
  const name = cell(record, 'nom', 'name');
  const commune = cell(record, 'commune');
  const postalCode = cell(record, 'code postal', 'code_postal', 'postal_code', 'postalcode', 'cp');
  const provinceText = cell(record, 'province');
  const federationText = foldText(cell(record, 'federation'));
  const affiliationText = foldText(cell(record, 'affiliation'));
  const email = cell(record, 'email', 'e-mail', 'courriel') || null;
  const phone = cell(record, 'telephone', 'phone', 'tel') || null;
  const website = cell(record, 'site web', 'site', 'website') || null;
  const activeText = foldText(cell(record, 'active', 'actif', 'active ?'));

  if (!name) return { ok: false, message: 'nom manquant' };
  if (name.length > ILI_NAME_MAX_LENGTH) return { ok: false, message: `nom trop long (plus de ${ILI_NAME_MAX_LENGTH} caractères)` };
  if (!commune) return { ok: false, message: 'commune manquante' };
  if (commune.length > ILI_COMMUNE_MAX_LENGTH) return { ok: false, message: 'commune trop longue' };
  if (!postalCode) return { ok: false, message: 'code postal manquant' };
  const postalProvince = provinceOfPostalCode(postalCode);
  if (!postalProvince) return { ok: false, message: `code postal « ${postalCode} » hors de Wallonie` };
  let province = postalProvince;
  if (provinceText) {
    const named = PROVINCE_BY_FOLDED.get(foldText(provinceText));
    if (!named) return { ok: false, message: `province inconnue « ${provinceText} »` };
    if (named !== postalProvince) return { ok: false, message: `le code postal ${postalCode} n’est pas dans la province « ${provinceText} »` };
    province = named;
  }

  let federation: FederationSlug | null = null;
  if (federationText) {
    const slug = FEDERATION_SLUGS.find((candidate) => candidate === federationText);
    if (!slug) return { ok: false, message: `fédération inconnue « ${cell(record, 'federation')} »` };
    federation = slug;
  }
  const affiliation = affiliationText ? AFFILIATION_BY_FOLDED.get(affiliationText) : federation ? 'federation' : 'none';
  if (!affiliation) return { ok: false, message: `affiliation inconnue « ${cell(record, 'affiliation')} » (federation, copili ou none)` };
  if (affiliation === 'federation' && !federation) return { ok: false, message: 'fédération manquante pour une ILI affiliée' };
  if (affiliation !== 'federation' && federation) return { ok: false, message: `une ILI « ${affiliation} » n’a pas de fédération` };

  if (email && (email.length > ILI_EMAIL_MAX_LENGTH || !EMAIL_PATTERN.test(email))) return { ok: false, message: `e-mail invalide « ${email} »` };
  if (phone && !PHONE_PATTERN.test(phone)) return { ok: false, message: `téléphone invalide « ${phone} »` };
  if (website && (website.length > ILI_WEBSITE_MAX_LENGTH || !WEBSITE_PATTERN.test(website))) {
    return { ok: false, message: `site web invalide « ${website} » (http:// ou https://)` };
  }
  let active = true;
  if (activeText) {
    if (['oui', 'yes', 'true', '1', 'vrai'].includes(activeText)) active = true;
    else if (['non', 'no', 'false', '0', 'faux'].includes(activeText)) active = false;
    else return { ok: false, message: `actif doit valoir oui ou non, pas « ${cell(record, 'active', 'actif')} »` };
  }
  return {
    ok: true,
    value: { name, commune, postalCode, province, affiliation, federation, email: email?.toLowerCase() ?? null, phone, website, active },
  };
}

/** The natural key an import matches existing ILI on: folded name and postal code. */
export function iliKey(ili: Pick<IliFields, 'name' | 'postalCode'>): string {
  return `${foldText(ili.name)}|${ili.postalCode}`;
}

/** Export and import share these columns (an exported file imports back unchanged). */
export const ILI_EXPORT_COLUMNS = [
  'nom',
  'commune',
  'code postal',
  'province',
  'affiliation',
  'federation',
  'email',
  'telephone',
  'site web',
  'actif',
] as const;

export function iliExportRow(ili: IliFields): Record<(typeof ILI_EXPORT_COLUMNS)[number], string> {
  return {
    nom: ili.name,
    commune: ili.commune,
    'code postal': ili.postalCode,
    province: PROVINCE_LABELS[ili.province],
    affiliation: ili.affiliation,
    federation: ili.federation ?? '',
    email: ili.email ?? '',
    telephone: ili.phone ?? '',
    'site web': ili.website ?? '',
    actif: ili.active ? 'oui' : 'non',
  };
}

/** Counts for the landscape chart; every key present, zero when empty. */
export function landscapeOf(ilis: ReadonlyArray<Pick<IliFields, 'affiliation' | 'federation' | 'province'>>): IliLandscapeDto {
  const landscape: IliLandscapeDto = {
    total: ilis.length,
    byAffiliation: { federation: 0, copili: 0, none: 0 },
    byFederation: { aleap: 0, caips: 0, codef: 0, fdss: 0, risome: 0 },
    byProvince: { brabant_wallon: 0, hainaut: 0, liege: 0, luxembourg: 0, namur: 0 },
  };
  for (const ili of ilis) {
    landscape.byAffiliation[ili.affiliation] += 1;
    if (ili.federation) landscape.byFederation[ili.federation] += 1;
    landscape.byProvince[ili.province] += 1;
  }
  return landscape;
}
