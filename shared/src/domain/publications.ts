import type { DocumentKind, DocumentStatus } from './documents';
import type { InfoTopic } from './infos';

export const PUBLIC_SLUG_MAX_LENGTH = 120;

/** Only an adopted text may go on the public site. */
export function canPublish(status: DocumentStatus): boolean {
  return status === 'adopted';
}

/**
 * The public address of a position: its title in lower-case ASCII words, then the first eight
 * characters of its id so two positions with the same title never share a slug.
 */
export function publicationSlug(title: string, id: string): string {
  const words = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, PUBLIC_SLUG_MAX_LENGTH - 9)
    .replace(/-+$/g, '');
  const suffix = id.replace(/-/g, '').slice(0, 8).toLowerCase();
  return words ? `${words}-${suffix}` : suffix;
}

/** A federation's final stance as published: never who cast it. */
export interface PublicStanceDto {
  federation: string;
  federationName: string;
  stance: 'agree' | 'reservations' | 'stand_aside' | 'object' | 'none';
  /** Published only for reservations (DESIGN §3) and ruled-in-the-rough answers. */
  reservation: string | null;
}

export interface PublicPositionSummaryDto {
  slug: string;
  title: string;
  kind: DocumentKind;
  adoptedAt: string;
  publishedAt: string;
  /** Set once the secretariat unpublished it: the page then only says so. */
  withdrawnAt: string | null;
}

export interface PublicPositionDto extends PublicPositionSummaryDto {
  /** The adopted version's canonical Markdown and its SHA-256; null once withdrawn. */
  markdown: string | null;
  contentHash: string | null;
  versionNumber: number | null;
  outcome: string | null;
  decisionSeq: number | null;
  /** The decision record's hash in the register, so a reader can check it against the chain. */
  decisionHash: string | null;
  stances: PublicStanceDto[];
}

/** The decision register's head as the public site shows it: a rewritten chain no longer matches. */
export interface PublicRegisterHeadDto {
  length: number;
  head: string;
}

/** `GET /api/public/positions`: the published positions, newest first, and the register's head. */
export interface PublicPositionListDto {
  items: PublicPositionSummaryDto[];
  total: number;
  register: PublicRegisterHeadDto;
}

/** The site's name in the feed, the pages and the PDF: never a person. */
export const PUBLIC_SITE_AUTHOR = 'La Coupole';

export interface PublicInfoDto {
  id: string;
  title: string;
  body: string;
  sourceUrl: string | null;
  topics: InfoTopic[];
  /** The federation that shared it (or null for the secretariat): never a person. */
  federation: string | null;
  hasAttachment: boolean;
  publishedAt: string;
  updatedAt: string;
}

/** `POST /api/documents/:id/publish|unpublish` and the document page's publication panel. */
export interface PublicationStateDto {
  documentId: string;
  slug: string | null;
  published: boolean;
  publishedAt: string | null;
  withdrawnAt: string | null;
}
