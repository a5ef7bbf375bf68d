import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import {
  AFFILIATIONS,
  API_ERROR_CODES,
  CONSULTATION_STATUSES,
  PROVINCES,
  QUESTION_KINDS,
  DISPATCH_STATUSES,
  SUGGESTION_FORMAT_KEYS,
  SUGGESTION_KINDS,
  SUGGESTION_STATUSES,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  MANDATE_SEATS,
  MANDATES,
  MEETING_KINDS,
  ROLES,
  VALIDATION_CONSTRAINTS,
} from '@coupole/shared';
import fr from './fr.json';

const SRC = join(__dirname, '..');
const PLURAL_SUFFIXES = ['_zero', '_one', '_two', '_few', '_many', '_other'];
/** Catalogue sections addressed with template literals (`roles.${role}`), checked against shared/ below. */
const DYNAMIC_PREFIXES = [
  'roles.',
  'mandates.',
  'documentKinds.',
  'documentStatuses.',
  'agenda.kinds.',
  'mandateRegister.seats.',
  'followUp.statuses.',
  'suggestions.kind.',
  'suggestions.format.',
  'suggestions.status.',
  'apiErrors.',
  'consultations.kinds.',
  'consultations.status.',
  'ilis.provinces.',
  'ilis.affiliations.',
];
/** Attributes whose string value is read or shown to the user, so must come from the catalogue. */
const USER_FACING_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description']);

function flatten(tree: object, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') keys.set(`${prefix}${key}`, value);
    else for (const [k, v] of flatten(value as object, `${prefix}${key}.`)) keys.set(k, v);
  }
  return keys;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const catalogue = flatten(fr);
/** Plural forms count as their base key: t('adminUsers.summary', { count }). */
const baseKeys = new Set(
  [...catalogue.keys()].map((key) => {
    const suffix = PLURAL_SUFFIXES.find((candidate) => key.endsWith(candidate));
    return suffix ? key.slice(0, -suffix.length) : key;
  }),
);

interface Scan {
  translatedKeys: { key: string; where: string }[];
  stringLiterals: Set<string>;
  hardCodedText: string[];
}

function scan(): Scan {
  const result: Scan = { translatedKeys: [], stringLiterals: new Set(), hardCodedText: [] };
  for (const path of sourceFiles(SRC)) {
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) =>
      `${relative(SRC, path)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

    const visit = (node: ts.Node) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
        result.stringLiterals.add(node.text);
      }
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 't' &&
        node.arguments.length > 0 &&
        (ts.isStringLiteral(node.arguments[0]) || ts.isNoSubstitutionTemplateLiteral(node.arguments[0]))
      ) {
        result.translatedKeys.push({ key: node.arguments[0].text, where: where(node) });
      }
      if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) {
        result.hardCodedText.push(`${where(node)} text "${node.text.trim()}"`);
      }
      if (
        ts.isJsxAttribute(node) &&
        USER_FACING_ATTRIBUTES.has(node.name.getText()) &&
        node.initializer &&
        ts.isStringLiteral(node.initializer) &&
        /\p{L}/u.test(node.initializer.text)
      ) {
        result.hardCodedText.push(`${where(node)} ${node.name.getText()}="${node.initializer.text}"`);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return result;
}

const scanned = scan();

describe('French catalogue', () => {
  it('has an entry for every key passed to t()', () => {
    expect(scanned.translatedKeys.length).toBeGreaterThan(50);
    const missing = scanned.translatedKeys.filter(({ key }) => !baseKeys.has(key));
    expect(missing).toEqual([]);
  });

  it('has no entry that the code never mentions', () => {
    const unused = [...baseKeys].filter(
      (key) => !scanned.stringLiterals.has(key) && !DYNAMIC_PREFIXES.some((prefix) => key.startsWith(prefix)),
    );
    expect(unused).toEqual([]);
  });

  it.each([
    ['roles', ROLES],
    ['mandates', MANDATES],
    ['documentKinds', DOCUMENT_KINDS],
    ['documentStatuses', DOCUMENT_STATUSES],
    ['agenda.kinds', MEETING_KINDS],
    ['mandateRegister.seats', MANDATE_SEATS],
    ['followUp.statuses', DISPATCH_STATUSES],
    ['suggestions.kind', SUGGESTION_KINDS],
    ['suggestions.format', SUGGESTION_FORMAT_KEYS],
    ['suggestions.status', SUGGESTION_STATUSES],
    ['consultations.kinds', QUESTION_KINDS],
    ['consultations.status', CONSULTATION_STATUSES],
    ['ilis.provinces', PROVINCES],
    ['ilis.affiliations', AFFILIATIONS],
  ] as const)('labels exactly the %s defined in shared/', (section, values) => {
    const labelled = [...catalogue.keys()].filter((key) => key.startsWith(`${section}.`)).sort();
    expect(labelled).toEqual(values.map((value) => `${section}.${value}`).sort());
  });

  it('has French text for every API error code and no other (shared API_ERROR_CODES)', () => {
    expect(Object.keys(fr.apiErrors.codes).sort()).toEqual([...API_ERROR_CODES].sort());
  });

  it('words every validation rule the API reports, plus a fallback (shared VALIDATION_CONSTRAINTS)', () => {
    expect(Object.keys(fr.apiErrors.validation).sort()).toEqual(['invalid', ...VALIDATION_CONSTRAINTS].sort());
    for (const sentence of Object.values(fr.apiErrors.validation)) expect(sentence).toContain('{{field}}');
  });

  it('names document kinds exactly as the exports do (shared DOCUMENT_KIND_LABELS)', () => {
    expect(fr.documentKinds).toEqual(DOCUMENT_KIND_LABELS);
  });

  it('uses the agreed inclusive wording for roles and mandates', () => {
    expect(fr.roles).toEqual({
      admin: 'Administrateur·rice',
      facilitator: 'Secrétariat / facilitation',
      representative: 'Représentant·e',
      observer: 'Observateur·rice',
    });
    expect(fr.mandates).toEqual({ titular: 'Mandataire (titulaire)', substitute: 'Suppléant·e' });
  });

  it('has no empty entries', () => {
    const empty = [...catalogue].filter(([, value]) => value.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('writes no user-facing text directly in components', () => {
    expect(scanned.hardCodedText).toEqual([]);
  });

  it('keeps the login labels the end-to-end tests and users rely on', () => {
    expect(fr.auth.login.email).toBe('Adresse e-mail');
    expect(fr.auth.login.password).toBe('Mot de passe');
    expect(fr.auth.login.submit).toBe('Se connecter');
    expect(fr.nav.logout).toBe('Se déconnecter');
  });
});
