import { canArchive, canCreateDocuments, canInviteObservers, documentPermissions, documentVisibility, type DocumentPermissions } from './document-access';
import { DOCUMENT_STATUSES, type DocumentStatus } from './documents';
import type { Role } from './users';

const OBSERVER_ID = 'observer-1';
const doc = (status: DocumentStatus, observerIds: string[] = []) => ({ status, observerIds });
const all = (read: boolean, edit: boolean, comment: boolean, manage: boolean): DocumentPermissions => ({ read, edit, comment, manage });

describe('documentPermissions', () => {
  describe.each<Role>(['admin', 'facilitator'])('a %s (secretariat)', (role) => {
    const user = { id: 'staff-1', role };

    it.each<DocumentStatus>(['drafting', 'in_round'])('reads, edits, comments and manages a document in %s', (status) => {
      expect(documentPermissions(user, doc(status))).toEqual(all(true, true, true, true));
    });

    it.each<DocumentStatus>(['adopted', 'withdrawn'])('still reads, comments and manages but no longer edits a document %s', (status) => {
      expect(documentPermissions(user, doc(status))).toEqual(all(true, false, true, true));
    });
  });

  describe('a representative', () => {
    const user = { id: 'rep-1', role: 'representative' as const };

    it.each<DocumentStatus>(['drafting', 'in_round'])('reads, edits and comments, but does not manage, a document in %s', (status) => {
      expect(documentPermissions(user, doc(status))).toEqual(all(true, true, true, false));
    });

    it.each<DocumentStatus>(['adopted', 'withdrawn'])('reads and comments but does not edit a document %s', (status) => {
      expect(documentPermissions(user, doc(status))).toEqual(all(true, false, true, false));
    });
  });

  describe('an observer', () => {
    const user = { id: OBSERVER_ID, role: 'observer' as const };

    it.each(DOCUMENT_STATUSES)('invited to a document in %s reads and comments it, never edits or manages it', (status) => {
      expect(documentPermissions(user, doc(status, ['someone-else', OBSERVER_ID]))).toEqual(all(true, false, true, false));
    });

    it.each(DOCUMENT_STATUSES)('not invited to a document in %s may do nothing with it, not even read it', (status) => {
      expect(documentPermissions(user, doc(status, ['someone-else']))).toEqual(all(false, false, false, false));
    });
  });

  it('grants nothing to an unknown role', () => {
    expect(documentPermissions({ id: OBSERVER_ID, role: 'guest' as Role }, doc('drafting', [OBSERVER_ID]))).toEqual(all(false, false, false, false));
  });

  it('lets nobody edit an adopted or withdrawn document', () => {
    const roles: Role[] = ['admin', 'facilitator', 'representative', 'observer'];
    for (const role of roles) {
      for (const status of ['adopted', 'withdrawn'] as const) {
        expect(documentPermissions({ id: OBSERVER_ID, role }, doc(status, [OBSERVER_ID])).edit).toBe(false);
      }
    }
  });
});

describe('canCreateDocuments', () => {
  it.each<[Role, boolean]>([
    ['admin', true],
    ['facilitator', true],
    ['representative', true],
    ['observer', false],
  ])('%s → %s', (role, allowed) => {
    expect(canCreateDocuments(role)).toBe(allowed);
  });
});

describe(canInviteObservers.name, () => {
  it.each(['admin', 'facilitator'] as const)('lets the %s invite observers on any document', (role) => {
    expect(canInviteObservers({ id: 'u', role }, { createdById: 'someone-else' })).toBe(true);
  });

  it('lets a representative invite observers only on a document they started', () => {
    expect(canInviteObservers({ id: 'r', role: 'representative' }, { createdById: 'r' })).toBe(true);
    expect(canInviteObservers({ id: 'r', role: 'representative' }, { createdById: 'other' })).toBe(false);
    expect(canInviteObservers({ id: 'r', role: 'representative' }, { createdById: null })).toBe(false);
  });

  it('never lets an observer invite, even on a document they are invited to', () => {
    expect(canInviteObservers({ id: 'o', role: 'observer' }, { createdById: 'o' })).toBe(false);
  });
});

describe(documentVisibility.name, () => {
  it('shows an observer only the documents they were invited to, everyone else every document', () => {
    expect(documentVisibility({ role: 'observer' })).toBe('invited');
    for (const role of ['admin', 'facilitator', 'representative'] as const) expect(documentVisibility({ role })).toBe('all');
  });
});

describe('an archived document', () => {
  it('is read-only for everyone: no edit and no comment, whatever its status; the secretariat still manages it', () => {
    const archived = { status: 'drafting' as const, observerIds: ['o'], archived: true };
    expect(documentPermissions({ id: 'f', role: 'facilitator' }, archived)).toEqual({ read: true, edit: false, comment: false, manage: true });
    expect(documentPermissions({ id: 'r', role: 'representative' }, archived)).toEqual({ read: true, edit: false, comment: false, manage: false });
    expect(documentPermissions({ id: 'o', role: 'observer' }, archived)).toEqual({ read: true, edit: false, comment: false, manage: false });
    expect(documentPermissions({ id: 'x', role: 'observer' }, archived).read).toBe(false);
  });

  it('is archived and unarchived by the secretariat and by its author, as observers are invited', () => {
    expect(canArchive({ id: 'f', role: 'facilitator' }, { createdById: 'r' })).toBe(true);
    expect(canArchive({ id: 'r', role: 'representative' }, { createdById: 'r' })).toBe(true);
    expect(canArchive({ id: 'q', role: 'representative' }, { createdById: 'r' })).toBe(false);
    expect(canArchive({ id: 'o', role: 'observer' }, { createdById: 'o' })).toBe(false);
  });
});
