import { exportHref, readOnlyReason } from './read-only';

const all = { read: true, edit: true, comment: true, manage: true };
const readOnly = { read: true, edit: false, comment: true, manage: false };

describe('readOnlyReason', () => {
  it('is null when the user may edit', () => {
    expect(readOnlyReason({ status: 'drafting', permissions: all }, 'representative')).toBeNull();
  });

  it('explains an adopted or withdrawn text before the role, since nobody edits those', () => {
    expect(readOnlyReason({ status: 'adopted', permissions: { ...all, edit: false } }, 'facilitator')).toBe(
      'documents.readOnly.adopted',
    );
    expect(readOnlyReason({ status: 'withdrawn', permissions: readOnly }, 'observer')).toBe('documents.readOnly.withdrawn');
  });

  it('says an archived text is archived, before its status or the role', () => {
    expect(readOnlyReason({ status: 'adopted', permissions: { ...readOnly, comment: false }, archivedAt: '2026-12-01T10:00:00Z' }, 'observer')).toBe('documents.readOnly.archived');
  });

  it('tells observers they read and comment only', () => {
    expect(readOnlyReason({ status: 'drafting', permissions: readOnly }, 'observer')).toBe('documents.readOnly.observer');
  });
});

describe('exportHref', () => {
  it('points at the export route with the format and, if given, the version', () => {
    expect(exportHref('d 1', 'pdf')).toBe('/api/documents/d%201/export?format=pdf');
    expect(exportHref('abc', 'docx', 3)).toBe('/api/documents/abc/export?format=docx&version=3');
  });
});
