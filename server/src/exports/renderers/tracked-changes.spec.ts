import { anchorAt, locateUniqueQuote, markdownToYDoc, type SuggestionDto } from '@coupole/shared';
import * as Y from 'yjs';
import { markdownWithTrackedChanges, markedParagraphChange, paragraphMarkChange, splitTracked, trackedAuthor, TRACKED } from './tracked-changes';

function suggestion(doc: Y.Doc, quote: string, replacement: string, federation: string | null): SuggestionDto {
  const located = locateUniqueQuote(doc, quote);
  if (!located.found) throw new Error(`${quote} not found`);
  return {
    id: quote,
    documentId: 'd',
    author: { id: 'u', displayName: 'Nadia Benali', federation },
    federation,
    kind: replacement ? 'replace' : 'delete',
    quote,
    replacement,
    format: null,
    status: 'open',
    anchor: anchorAt(located.location, quote.length),
    createdAt: '2026-12-01T10:00:00.000Z',
    commentCount: 0,
  };
}

describe('markdownWithTrackedChanges', () => {
  it('brackets each quote as a deletion and its replacement as an insertion, formatting kept, stored text untouched', () => {
    const doc = markdownToYDoc('Le **décret de** 2018 prévoit un parcours.');
    const state = Y.encodeStateAsUpdate(doc);
    const { markdown, changes } = markdownWithTrackedChanges(state, [
      suggestion(doc, 'de 2018', 'de 2025', 'aleap'),
      suggestion(doc, ' un parcours', '', null),
    ]);
    const cut = splitTracked(markdown.replace(/\*\*/g, ''), { kind: 'plain', change: null }).map((piece) => [piece.kind, piece.text, piece.change]);
    expect(cut).toEqual([
      ['plain', 'Le décret ', null],
      ['delete', 'de 2018', 0],
      ['insert', 'de 2025', 0],
      ['plain', ' prévoit', null],
      ['delete', ' un parcours', 1],
      ['plain', '.\n', null],
    ]);
    expect(changes.map((change) => change.author)).toEqual(['Nadia Benali (ALEAP)', 'Nadia Benali (Secrétariat)']);
    expect(markdown).toContain('**décret ');
  });

  it('leaves out a suggestion whose quote is no longer where it points', () => {
    const doc = markdownToYDoc('Le décret de 2018.');
    const stale = suggestion(doc, 'décret', 'arrêté', 'caips');
    const text = (doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.delete(3, 6);
    const { markdown, changes } = markdownWithTrackedChanges(Y.encodeStateAsUpdate(doc), [stale]);
    expect(changes).toEqual([]);
    expect(markdown).not.toMatch(new RegExp(`[${Object.values(TRACKED).join('')}]`));
  });
});

describe('splitTracked', () => {
  it('carries an open change into the next run of the paragraph', () => {
    const state = { kind: 'plain' as const, change: null } as Parameters<typeof splitTracked>[1];
    expect(splitTracked(`a${TRACKED.deleteStart}\ue100b`, state)).toEqual([
      { kind: 'plain', text: 'a', change: null },
      { kind: 'delete', text: 'b', change: 0 },
    ]);
    expect(splitTracked(`c${TRACKED.deleteEnd}d`, state)).toEqual([
      { kind: 'delete', text: 'c', change: 0 },
      { kind: 'plain', text: 'd', change: null },
    ]);
  });

  it('names the secretariat when the author has no federation', () => {
    expect(trackedAuthor({ displayName: 'Julien Dethier' }, null)).toBe('Julien Dethier (Secrétariat)');
  });
});

describe('markedParagraphChange', () => {
  const id = '\ue100';
  const { deleteStart: ds, deleteEnd: de, insertStart: is, insertEnd: ie, paragraphInserted: pi, paragraphDeleted: pd } = TRACKED;

  it('brackets only what differs: a new paragraph after kept words marks the kept paragraph’s mark as inserted', () => {
    expect(markedParagraphChange('un parcours.', 'un parcours.\n\nNouveau.', id)).toBe(`un parcours.${pi}${id}\n\n${is}${id}Nouveau.${ie}`);
  });

  it('a join marks the first paragraph’s mark deleted, so accepting in Word joins them', () => {
    expect(markedParagraphChange('a.\n\nB', 'a. B', id)).toBe(`a.${pd}${id}\n\n${is}${id} ${ie}B`);
    expect(markedParagraphChange('Un.\n\nDeux.\n\n', '', id)).toBe(`${ds}${id}Un.${de}${pd}${id}\n\n${ds}${id}Deux.${de}${pd}${id}\n\n`);
  });

  it('reads a paragraph mark back out of the text', () => {
    expect(paragraphMarkChange(`a.${pd}${id}`)).toEqual({ text: 'a.', mark: { change: 0, kind: 'delete' } });
    expect(paragraphMarkChange('a.')).toEqual({ text: 'a.', mark: null });
  });
});
