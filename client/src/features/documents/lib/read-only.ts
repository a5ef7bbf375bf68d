import type { DocumentPermissions, DocumentStatus, Role } from '@coupole/shared';

export type ReadOnlyReason =
  | 'documents.readOnly.archived'
  | 'documents.readOnly.adopted' | 'documents.readOnly.withdrawn' | 'documents.readOnly.observer' | 'documents.readOnly.noEdit';

/** Why this user cannot change the body, as a catalogue key, or null when they can. */
export function readOnlyReason(
  document: { status: DocumentStatus; permissions: DocumentPermissions; archivedAt?: string | null },
  role: Role,
): ReadOnlyReason | null {
  if (document.permissions.edit) return null;
  if (document.archivedAt) return 'documents.readOnly.archived';
  if (document.status === 'adopted') return 'documents.readOnly.adopted';
  if (document.status === 'withdrawn') return 'documents.readOnly.withdrawn';
  if (role === 'observer') return 'documents.readOnly.observer';
  return 'documents.readOnly.noEdit';
}

export const EXPORT_FORMATS = ['md', 'docx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function exportHref(documentId: string, format: ExportFormat, version?: number): string {
  const query = new URLSearchParams({ format });
  if (version !== undefined) query.set('version', String(version));
  return `/api/documents/${encodeURIComponent(documentId)}/export?${query.toString()}`;
}
