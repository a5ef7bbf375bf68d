import * as Y from 'yjs';
import { NOTE_PROPOSITIONNELLE } from './__fixtures__/note';
import { YDOC_FRAGMENT } from './extensions';
import { canonicalMarkdown } from './markdown';
import { applyMarkdownAsEdit, markdownEditUpdate, markdownToYDoc, markdownToYUpdate, yDocToMarkdown } from './ydoc';

function replicaOf(source: Y.Doc): Y.Doc {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(source));
  return replica;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

const AMENDED = '# Note propositionnelle\n\nLa Coupole demande une **concertation** avant l’arrêté d’exécution.\n';

describe('Yjs conversions', () => {
  it('round-trips a note through a Yjs update into a new Y.Doc', () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, markdownToYUpdate(NOTE_PROPOSITIONNELLE));
    expect(yDocToMarkdown(ydoc)).toBe(canonicalMarkdown(NOTE_PROPOSITIONNELLE));
    expect(ydoc.getXmlFragment(YDOC_FRAGMENT).length).toBeGreaterThan(5);
  });

  it('gives the same update for the same Markdown, so two seeds of one document merge once', () => {
    const first = markdownToYUpdate(NOTE_PROPOSITIONNELLE);
    expect(markdownToYUpdate(NOTE_PROPOSITIONNELLE)).toEqual(first);
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, first);
    Y.applyUpdate(ydoc, markdownToYUpdate(NOTE_PROPOSITIONNELLE));
    expect(yDocToMarkdown(ydoc)).toBe(canonicalMarkdown(NOTE_PROPOSITIONNELLE));
  });

  it('stores a link as its href and title only (no target, rel or class in the Yjs body)', () => {
    const ydoc = markdownToYDoc('Voir [le décret](https://www.wallonie.be/decret "Décret ILI").\n');
    const paragraph = ydoc.getXmlFragment(YDOC_FRAGMENT).get(0) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    const linked = (text.toDelta() as { insert: string; attributes?: Record<string, unknown> }[]).find((op) => op.attributes?.link);
    expect(linked).toEqual({ insert: 'le décret', attributes: { link: { href: 'https://www.wallonie.be/decret', title: 'Décret ILI' } } });
  });

  it('reads an empty document as the empty string', () => {
    expect(yDocToMarkdown(new Y.Doc())).toBe('');
  });
});

describe(applyMarkdownAsEdit.name, () => {
  it('leaves exactly the new content in a document that had some', () => {
    const ydoc = markdownToYDoc(NOTE_PROPOSITIONNELLE);
    applyMarkdownAsEdit(ydoc, AMENDED);
    expect(yDocToMarkdown(ydoc)).toBe(AMENDED);
  });

  it('emits one update with the given origin, which other replicas can apply', () => {
    const ydoc = markdownToYDoc(NOTE_PROPOSITIONNELLE);
    const remote = replicaOf(ydoc);
    const seen: { update: Uint8Array; origin: unknown }[] = [];
    ydoc.on('update', (update: Uint8Array, origin: unknown) => seen.push({ update, origin }));
    applyMarkdownAsEdit(ydoc, AMENDED, 'restore');
    expect(seen).toHaveLength(1);
    expect(seen[0].origin).toBe('restore');
    Y.applyUpdate(remote, seen[0].update);
    expect(yDocToMarkdown(remote)).toBe(AMENDED);
  });

  it('does not duplicate when two replicas apply the same text and then sync', () => {
    const a = markdownToYDoc(NOTE_PROPOSITIONNELLE);
    const b = replicaOf(a);
    applyMarkdownAsEdit(a, AMENDED);
    applyMarkdownAsEdit(b, AMENDED);
    sync(a, b);
    expect(yDocToMarkdown(a)).toBe(AMENDED);
    expect(yDocToMarkdown(b)).toBe(AMENDED);
  });

  it('keeps unchanged blocks as the same Yjs elements, so anchors on them survive', () => {
    const ydoc = markdownToYDoc('# Titre\n\nPremier paragraphe.\n\nDeuxième paragraphe.\n');
    const fragment = ydoc.getXmlFragment(YDOC_FRAGMENT);
    const [title, , second] = fragment.toArray();
    applyMarkdownAsEdit(ydoc, '# Titre\n\nPremier paragraphe amendé.\n\nDeuxième paragraphe.\n');
    expect(fragment.get(0)).toBe(title);
    expect(fragment.get(2)).toBe(second);
    expect(yDocToMarkdown(ydoc)).toBe('# Titre\n\nPremier paragraphe amendé.\n\nDeuxième paragraphe.\n');
  });

  it('changes nothing when the text is already the body', () => {
    const ydoc = markdownToYDoc(NOTE_PROPOSITIONNELLE);
    expect(markdownEditUpdate(ydoc, NOTE_PROPOSITIONNELLE)).toBeNull();
  });

  it('merges with a concurrent edit made elsewhere in the document', () => {
    const server = markdownToYDoc('Premier.\n\nSecond.\n');
    const client = replicaOf(server);
    applyMarkdownAsEdit(client, 'Premier.\n\nSecond, modifié par un client.\n');
    applyMarkdownAsEdit(server, 'Premier, amendé.\n\nSecond.\n');
    sync(server, client);
    expect(yDocToMarkdown(server)).toBe('Premier, amendé.\n\nSecond, modifié par un client.\n');
    expect(yDocToMarkdown(client)).toBe(yDocToMarkdown(server));
  });
});
