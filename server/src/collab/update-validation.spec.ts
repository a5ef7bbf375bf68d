import { COLLAB_MAX_UPDATE_BYTES, YDOC_FRAGMENT } from '@coupole/shared';
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
});
