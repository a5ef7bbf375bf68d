import { handleNames, mentionHandlesFor, nameHandle } from './mentions';

describe('nameHandle', () => {
  it('writes a display name as lower-case ASCII words joined by hyphens', () => {
    expect(nameHandle('Élise Van den Berghe')).toBe('elise-van-den-berghe');
    expect(nameHandle('  Jean-Luc  N’Dour ')).toBe('jean-luc-n-dour');
  });

  it('leaves nothing of a name without letters or digits', () => {
    expect(nameHandle('— ·')).toBe('');
  });
});

describe('handleNames', () => {
  const nadia = { email: 'aleap@demo.coupole.be', displayName: 'Nadia Benali' };

  it('accepts the e-mail local part (the handles written before) and the name handle, in any case', () => {
    expect(handleNames('aleap', nadia)).toBe(true);
    expect(handleNames('Nadia-Benali', nadia)).toBe(true);
    expect(handleNames('nadia', nadia)).toBe(false);
  });
});

describe('mentionHandlesFor', () => {
  it('gives each reader their name handle when it names them alone', () => {
    const handles = mentionHandlesFor([
      { id: 'u1', email: 'aleap@demo.coupole.be', displayName: 'Nadia Benali' },
      { id: 'u2', email: 'caips@demo.coupole.be', displayName: 'Marc Dubois' },
    ]);
    expect([...handles.values()]).toEqual(['nadia-benali', 'marc-dubois']);
  });

  it('falls back on the id when two readers share a name, or a name is another reader’s local part or a federation', () => {
    const handles = mentionHandlesFor([
      { id: 'u1', email: 'a@x.be', displayName: 'Marie Dupont' },
      { id: 'u2', email: 'b@y.be', displayName: 'Marie  Dupont' },
      { id: 'u3', email: 'jean@x.be', displayName: 'Paul' },
      { id: 'u4', email: 'z@x.be', displayName: 'Jean' },
      { id: 'u5', email: 'r@x.be', displayName: 'Risome' },
    ]);
    expect(Object.fromEntries(handles)).toEqual({ u1: 'u1', u2: 'u2', u3: 'paul', u4: 'u4', u5: 'u5' });
  });
});
