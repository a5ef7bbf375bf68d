import { markdownToYDoc } from '@coupole/shared';
import * as Y from 'yjs';
import { isYjsRelativePosition } from './yjs-relative-position';

function encoded(position: Y.RelativePosition): string {
  return Buffer.from(Y.encodeRelativePosition(position)).toString('base64');
}

describe('isYjsRelativePosition', () => {
  const ydoc = markdownToYDoc('Bonjour le monde\n\nDeuxième paragraphe');
  const text = (ydoc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;

  it('accepts positions made by Y.encodeRelativePosition, inside text and on the root fragment', () => {
    expect(isYjsRelativePosition(encoded(Y.createRelativePositionFromTypeIndex(text, 3)))).toBe(true);
    expect(isYjsRelativePosition(encoded(Y.createRelativePositionFromTypeIndex(ydoc.getXmlFragment('default'), 1)))).toBe(true);
  });

  it('refuses what is not base64, truncated, padded with extra bytes, empty or too long', () => {
    const valid = Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, 3)));
    expect(isYjsRelativePosition('pas du base64 !')).toBe(false);
    expect(isYjsRelativePosition(valid.subarray(0, 3).toString('base64'))).toBe(false);
    expect(isYjsRelativePosition(Buffer.concat([valid, Buffer.from([1, 2, 3])]).toString('base64'))).toBe(false);
    expect(isYjsRelativePosition('')).toBe(false);
    expect(isYjsRelativePosition('A'.repeat(1024))).toBe(false);
    expect(isYjsRelativePosition(42)).toBe(false);
  });

  it('refuses bytes that decode to something that does not re-encode identically', () => {
    expect(isYjsRelativePosition('AAAA')).toBe(false);
    expect(isYjsRelativePosition('aGVsbG8=')).toBe(false);
  });
});
