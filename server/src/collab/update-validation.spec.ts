import { COLLAB_MAX_UPDATE_BYTES, markdownToYUpdate, YDOC_FRAGMENT } from '@coupole/shared';
import * as Y from 'yjs';
import { CollabRefusal } from './collab-refusal';
import { checkUpdate } from './update-validation';

function bodyUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(YDOC_FRAGMENT).insert(0, [paragraph]);
  return Y.encodeStateAsUpdate(doc);
}

/** A paragraph whose text carries one formatting attribute, as a client could send it. */
function formattedUpdate(key: string, value: unknown): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  doc.getXmlFragment(YDOC_FRAGMENT).insert(0, [paragraph]);
  text.insert(0, 'le décret', { [key]: value });
  return Y.encodeStateAsUpdate(doc);
}

function refusalCode(update: Uint8Array): string | undefined {
  try {
    checkUpdate(update);
    return undefined;
  } catch (error) {
    return error instanceof CollabRefusal ? error.code : 'other';
  }
}

describe('checkUpdate', () => {
  it('accepts an update of the body and says it changes something', () => {
    expect(checkUpdate(bodyUpdate('Bonjour'))).toBe(true);
  });

  it('reports an update without structs or deletions as empty', () => {
    expect(checkUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toBe(false);
  });

  it('refuses bytes that are not a Yjs update as malformed', () => {
    expect(refusalCode(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]))).toBe('malformed');
    expect(refusalCode(new TextEncoder().encode('not a yjs update at all'))).toBe('malformed');
  });

  it('refuses an update that writes another root type than the body', () => {
    const doc = new Y.Doc();
    doc.getMap('intruder').set('key', 'value');

    expect(refusalCode(Y.encodeStateAsUpdate(doc))).toBe('malformed');
  });

  it('refuses an update over the size limit before parsing it', () => {
    expect(refusalCode(new Uint8Array(COLLAB_MAX_UPDATE_BYTES + 1))).toBe('update_too_large');
  });

  describe('links and marks', () => {
    it('accepts the body the server itself writes for a link (href and title)', () => {
      expect(refusalCode(markdownToYUpdate('Voir [le décret](https://www.wallonie.be "Décret").\n'))).toBeUndefined();
      expect(refusalCode(formattedUpdate('link', { href: 'mailto:secretariat@coupole.be', title: null }))).toBeUndefined();
      expect(refusalCode(formattedUpdate('bold', {}))).toBeUndefined();
      expect(refusalCode(formattedUpdate('link', null))).toBeUndefined();
    });

    it.each([
      ['target', { href: 'https://www.wallonie.be', target: '_blank' }],
      ['rel', { href: 'https://www.wallonie.be', rel: 'opener' }],
      ['class', { href: 'https://www.wallonie.be', class: 'bouton' }],
      ['onclick', { href: 'https://www.wallonie.be', onclick: 'alert(1)' }],
      ['style', { href: 'https://www.wallonie.be', style: 'position:fixed' }],
      ['a javascript: href', { href: 'javascript:alert(1)' }],
      ['a data: href', { href: 'data:text/html,<script>alert(1)</script>' }],
      ['no href', { title: 'x' }],
      ['a title that is not text', { href: 'https://www.wallonie.be', title: { x: 1 } }],
      ['attributes that are not an object', 'https://www.wallonie.be'],
    ])('refuses a link with %s', (_case, value) => {
      expect(refusalCode(formattedUpdate('link', value))).toBe('malformed');
    });

    it('refuses formatting that is not one of the schema’s marks, and attributes on a mark that has none', () => {
      expect(refusalCode(formattedUpdate('onclick', 'alert(1)'))).toBe('malformed');
      expect(refusalCode(formattedUpdate('bold', { style: 'color:red' }))).toBe('malformed');
    });
  });
});
