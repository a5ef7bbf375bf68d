import { initProseMirrorDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { applyMarkdownAsEdit, bodyFragment, editorSchema, markdownToYDoc } from '@coupole/shared';
import { anchorFromSelection, base64ToBytes, bytesToBase64, findQuote, rangeFromAnchor, type YBinding } from './comment-anchors';

function view(ydoc: Y.Doc) {
  const { doc, meta } = initProseMirrorDoc(bodyFragment(ydoc), editorSchema);
  const binding: YBinding = { doc: ydoc, type: bodyFragment(ydoc), mapping: meta.mapping };
  return { pmDoc: doc, binding };
}

function rangeOf(pmDoc: ReturnType<typeof view>['pmDoc'], word: string) {
  let found = null as { from: number; to: number } | null;
  pmDoc.descendants((node, pos) => {
    if (found || !node.isText) return;
    const index = node.text!.indexOf(word);
    if (index >= 0) found = { from: pos + index, to: pos + index + word.length };
  });
  if (!found) throw new Error(`"${word}" not in the document`);
  return found;
}

describe('comment anchors', () => {
  it('encodes bytes as base64 and back', () => {
    const bytes = new Uint8Array([0, 1, 127, 128, 255]);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
  });

  it('quotes the selected words', () => {
    const ydoc = markdownToYDoc('# Note\n\nLe décret de 2018 encadre le parcours.\n');
    const { pmDoc, binding } = view(ydoc);
    const anchor = anchorFromSelection(binding, pmDoc, rangeOf(pmDoc, 'décret de 2018'));
    expect(anchor.quote).toBe('décret de 2018');
  });

  it('stays on the same word after someone types before it', () => {
    const ydoc = markdownToYDoc('# Note\n\nLe décret de 2018 encadre le parcours.\n');
    const before = view(ydoc);
    const anchor = anchorFromSelection(before.binding, before.pmDoc, rangeOf(before.pmDoc, 'décret'));

    // Another federation, concurrently, adds a paragraph above and words before the anchor.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
    const body = bodyFragment(other);
    const paragraph = body.get(1) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(3, 'nouveau ');
    const intro = new Y.XmlElement('paragraph');
    intro.insert(0, [new Y.XmlText('Introduction ajoutée.')]);
    body.insert(1, [intro]);
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(ydoc)));

    const after = view(ydoc);
    const range = rangeFromAnchor(after.binding, anchor);
    expect(range).not.toBeNull();
    expect(after.pmDoc.textBetween(range!.from, range!.to)).toBe('décret');
    expect(range!.from).toBeGreaterThan(rangeOf(before.pmDoc, 'décret').from);
  });

  it('returns null once the anchored words are deleted', () => {
    const ydoc = markdownToYDoc('Premier paragraphe.\n\nSecond paragraphe à supprimer.\n');
    const before = view(ydoc);
    const anchor = anchorFromSelection(before.binding, before.pmDoc, rangeOf(before.pmDoc, 'supprimer'));

    applyMarkdownAsEdit(ydoc, 'Premier paragraphe.\n');

    expect(rangeFromAnchor(view(ydoc).binding, anchor)).toBeNull();
  });

  it('returns null for an anchor that is not valid base64 Yjs data', () => {
    const { binding } = view(markdownToYDoc('Texte.\n'));
    expect(rangeFromAnchor(binding, { start: '%%%', end: 'AAAA' })).toBeNull();
  });
});

describe('findQuote', () => {
  const { pmDoc } = view(markdownToYDoc('# Le décret\n\nPremier décret cité.\n\nSecond **décret** cité.\n'));

  it('finds the quoted words nearest to where the anchor was', () => {
    const second = rangeOf(pmDoc, 'Second');
    const range = findQuote(pmDoc, 'décret', second.to);
    expect(pmDoc.textBetween(range!.from, range!.to)).toBe('décret');
    expect(range!.from).toBeGreaterThan(second.from);
  });

  it('takes the first occurrence when there is no earlier position', () => {
    expect(findQuote(pmDoc, 'décret', null)).toEqual(rangeOf(pmDoc, 'décret'));
  });

  it('returns null when the words are gone or the quote is blank', () => {
    expect(findQuote(pmDoc, 'arrêté', 3)).toBeNull();
    expect(findQuote(pmDoc, '  ', 3)).toBeNull();
  });
});
