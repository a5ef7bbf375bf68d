import { editorExtensions, editorSchema, isSafeLinkHref, LINK_ATTRIBUTES, YDOC_FRAGMENT } from './extensions';

describe('editorSchema', () => {
  it('builds in plain Node with the blocks and marks of a policy note', () => {
    expect('document' in globalThis).toBe(false);
    expect(Object.keys(editorSchema.nodes).sort()).toEqual(
      [
        'blockquote', 'bulletList', 'doc', 'hardBreak', 'heading', 'horizontalRule', 'listItem',
        'orderedList', 'paragraph', 'table', 'tableCell', 'tableHeader', 'tableRow', 'text',
      ].sort(),
    );
    expect(Object.keys(editorSchema.marks).sort()).toEqual(['bold', 'italic', 'link', 'strike', 'underline']);
  });

  it('leaves undo to Yjs: no history extension in the list', () => {
    const names = editorExtensions().flatMap((extension) => [
      extension.name,
      ...((extension.options as { undoRedo?: unknown })?.undoRedo === false ? ['undoRedo:false'] : []),
    ]);
    expect(names).toContain('undoRedo:false');
    expect(names).not.toContain('undoRedo');
  });

  it('gives a link only its href and title: other attributes are not part of the schema', () => {
    expect(Object.keys(editorSchema.marks.link.spec.attrs ?? {}).sort()).toEqual([...LINK_ATTRIBUTES].sort());
    const link = editorSchema.marks.link.create({ href: 'https://www.wallonie.be', target: '_self', rel: 'opener', class: 'x', onclick: 'alert(1)', style: 'color:red' });
    expect(link.attrs).toEqual({ href: 'https://www.wallonie.be', title: null });
  });

  it('uses the fragment TipTap Collaboration reads by default', () => {
    expect(YDOC_FRAGMENT).toBe('default');
  });
});

describe(isSafeLinkHref.name, () => {
  it.each(['https://www.wallonie.be', 'http://coupole.be/x', 'mailto:secretariat@coupole.be', 'tel:+3281000000', '#p-2'])(
    'accepts %s',
    (href) => expect(isSafeLinkHref(href)).toBe(true),
  );
  it.each(['javascript:alert(1)', 'java\tscript:alert(1)', ' JAVASCRIPT:alert(1)', 'data:text/html,x', 'vbscript:x', '/relative', 'ftp://x'])(
    'refuses %s',
    (href) => expect(isSafeLinkHref(href)).toBe(false),
  );
});
