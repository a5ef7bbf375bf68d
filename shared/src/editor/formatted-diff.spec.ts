import { formattedBlockDiff } from './formatted-diff';

describe('formattedBlockDiff', () => {
  it('diffs a heading by its text, never showing the Markdown marks', () => {
    const diff = formattedBlockDiff('# Objet de la note', '# Objet de la présente note');
    expect(diff).toMatchObject({ kind: 'words', block: 'heading', level: 1 });
    const text = diff.kind === 'words' ? diff.parts.map((part) => part.text).join('') : '';
    expect(text).not.toContain('#');
    expect(diff.kind === 'words' && diff.parts.some((part) => part.op === 'insert' && part.text.includes('présente'))).toBe(true);
  });

  it('diffs a paragraph without its emphasis marks', () => {
    const diff = formattedBlockDiff('Les ILI demandent des **moyens stables**.', 'Les ILI demandent des **moyens pluriannuels**.');
    expect(diff.kind).toBe('words');
    expect(diff.kind === 'words' && diff.parts.every((part) => !part.text.includes('*'))).toBe(true);
  });

  it('diffs a list item by item, an added item as inserted', () => {
    const diff = formattedBlockDiff('1. Un\n2. Deux', '1. Un\n2. Deux bis\n3. Trois');
    expect(diff).toEqual({
      kind: 'list',
      ordered: true,
      items: [[{ op: 'equal', text: 'Un' }], expect.arrayContaining([{ op: 'insert', text: ' bis' }]), [{ op: 'insert', text: 'Trois' }]],
    });
  });

  it('replaces a block that changed kind', () => {
    expect(formattedBlockDiff('# Titre', 'Titre')).toEqual({ kind: 'replace' });
    expect(formattedBlockDiff('## Titre', '### Titre')).toEqual({ kind: 'replace' });
  });
});
