import type { UserRefDto } from './documents';
import type { Role } from './users';

/** The Coupole's own list of subjects (its second mission, "diffusion d'infos"). */
export const INFO_TOPICS = [
  'sociale',
  'politique',
  'reglementaire',
  'juridique',
  'financiere',
  'economique',
  'pedagogique',
  'ethique',
] as const;
export type InfoTopic = (typeof INFO_TOPICS)[number];

/** `members`: every federation member and the secretariat; `public`: also the public site. */
export const INFO_VISIBILITIES = ['members', 'public'] as const;
export type InfoVisibility = (typeof INFO_VISIBILITIES)[number];

export const INFO_TITLE_MAX_LENGTH = 300;
export const INFO_BODY_MAX_LENGTH = 50_000;
export const INFO_SOURCE_URL_MAX_LENGTH = 2_000;
export const INFO_SEARCH_MAX_LENGTH = 200;
export const INFO_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const INFO_ATTACHMENT_NAME_MAX_LENGTH = 200;

export interface InfoAttachmentDto {
  fileName: string;
  size: number;
  /** Always `application/pdf`: anything else is refused. */
  contentType: 'application/pdf';
}

/** `GET /api/infos/:id` and list items. */
export interface InfoDto {
  id: string;
  title: string;
  /** Markdown, rendered through the shared editor schema (raw HTML is never rendered). */
  body: string;
  sourceUrl: string | null;
  topics: InfoTopic[];
  toDiscuss: boolean;
  visibility: InfoVisibility;
  author: UserRefDto;
  federation: string | null;
  attachment: InfoAttachmentDto | null;
  /** What the caller may do with it. */
  permissions: InfoPermissions;
  createdAt: string;
  updatedAt: string;
}

export interface CreateInfoRequest {
  title: string;
  body: string;
  sourceUrl?: string | null;
  topics: InfoTopic[];
  toDiscuss?: boolean;
  visibility?: InfoVisibility;
}

export type UpdateInfoRequest = Partial<CreateInfoRequest>;

export interface InfoPermissions {
  read: boolean;
  comment: boolean;
  /** Change, delete, attach a file, change the visibility. */
  edit: boolean;
}

const NONE: InfoPermissions = { read: false, comment: false, edit: false };

/** The secretariat and the federations' representatives share infos; observers are partners. */
export function isCoupoleMember(role: Role): boolean {
  return role === 'admin' || role === 'facilitator' || role === 'representative';
}

export function canCreateInfos(role: Role): boolean {
  return isCoupoleMember(role);
}

/**
 * Who may do what on one info: members read and comment every info; only its author or the
 * secretariat edits or deletes it; anyone else (observers) reads only public infos.
 */
export function infoPermissions(user: { id: string; role: Role }, info: { authorId: string; visibility: InfoVisibility }): InfoPermissions {
  if (isCoupoleMember(user.role)) {
    const secretariat = user.role === 'admin' || user.role === 'facilitator';
    return { read: true, comment: true, edit: secretariat || info.authorId === user.id };
  }
  return info.visibility === 'public' ? { read: true, comment: false, edit: false } : NONE;
}

/** Visibilities a role may list. */
export function readableVisibilities(role: Role): InfoVisibility[] {
  return isCoupoleMember(role) ? ['members', 'public'] : ['public'];
}

/**
 * PDF by content: the file must start with the `%PDF-` header followed by a version digit.
 * (Readers tolerate junk before the header; we do not, so nothing else slips through.)
 */
export function isPdfContent(bytes: Uint8Array): boolean {
  const header = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
  if (bytes.length < header.length + 3) return false;
  if (!header.every((byte, index) => bytes[index] === byte)) return false;
  const major = bytes[header.length];
  return major >= 0x31 && major <= 0x32 && bytes[header.length + 1] === 0x2e; // 1. or 2.
}

/** A download name that is safe in a header and a file system, always ending in `.pdf`. */
export function safePdfFileName(name: string): string {
  const base = name
    .normalize('NFC')
    .replace(/\.pdf$/i, '')
    .replace(/[^\p{L}\p{N} ._-]+/gu, '_')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, INFO_ATTACHMENT_NAME_MAX_LENGTH - 4);
  return `${base || 'piece-jointe'}.pdf`;
}
