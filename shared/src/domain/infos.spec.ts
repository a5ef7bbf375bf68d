import { canCreateInfos, infoPermissions, isPdfContent, readableVisibilities, safePdfFileName } from './infos';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('infoPermissions', () => {
  const info = { authorId: 'author', visibility: 'members' as const };

  it('lets the author edit their own info', () => {
    expect(infoPermissions({ id: 'author', role: 'representative' }, info)).toEqual({ read: true, comment: true, edit: true });
  });

  it('lets another representative read and comment but not edit', () => {
    expect(infoPermissions({ id: 'other', role: 'representative' }, info)).toEqual({ read: true, comment: true, edit: false });
  });

  it.each(['admin', 'facilitator'] as const)('lets the secretariat (%s) edit anyone’s info', (role) => {
    expect(infoPermissions({ id: 'staff', role }, info).edit).toBe(true);
  });

  it('hides a members-only info from an observer', () => {
    expect(infoPermissions({ id: 'obs', role: 'observer' }, info)).toEqual({ read: false, comment: false, edit: false });
  });

  it('shows a public info to an observer, read-only', () => {
    expect(infoPermissions({ id: 'obs', role: 'observer' }, { ...info, visibility: 'public' })).toEqual({
      read: true,
      comment: false,
      edit: false,
    });
  });
});

describe('who creates and lists', () => {
  it('lets members create, not observers', () => {
    expect(canCreateInfos('representative')).toBe(true);
    expect(canCreateInfos('facilitator')).toBe(true);
    expect(canCreateInfos('admin')).toBe(true);
    expect(canCreateInfos('observer')).toBe(false);
  });

  it('lists members-only infos to members only', () => {
    expect(readableVisibilities('representative')).toEqual(['members', 'public']);
    expect(readableVisibilities('observer')).toEqual(['public']);
  });
});

describe('isPdfContent', () => {
  it('accepts a PDF 1.x and 2.0 header', () => {
    expect(isPdfContent(bytes('%PDF-1.7\n%âãÏÓ\n'))).toBe(true);
    expect(isPdfContent(bytes('%PDF-2.0\n'))).toBe(true);
  });

  it('refuses HTML, a renamed text file, a truncated header and a header later in the file', () => {
    expect(isPdfContent(bytes('<html><script>alert(1)</script>'))).toBe(false);
    expect(isPdfContent(bytes('%PDF'))).toBe(false);
    expect(isPdfContent(bytes('%PDF-x.7\n'))).toBe(false);
    expect(isPdfContent(bytes('%PDF-1-7\n'))).toBe(false);
    expect(isPdfContent(bytes(' %PDF-1.7\n'))).toBe(false);
  });
});

describe('safePdfFileName', () => {
  it('keeps accents and ends in .pdf', () => {
    expect(safePdfFileName('Décret été 2025.PDF')).toBe('Décret été 2025.pdf');
  });

  it('replaces path and header characters', () => {
    expect(safePdfFileName('../../etc/"passwd";\r\n.pdf')).toBe('_.._etc_passwd_.pdf');
  });

  it('names a nameless file', () => {
    expect(safePdfFileName('...')).toBe('piece-jointe.pdf');
  });
});
