import { getSchema, type AnyExtension, type Attributes } from '@tiptap/core';
import { Link } from '@tiptap/extension-link';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';

/** Name of the Y.XmlFragment holding the body; TipTap Collaboration's default field. */
export const YDOC_FRAGMENT = 'default';

export const HEADING_LEVELS = [1, 2, 3] as const;

const SAFE_LINK_PROTOCOLS = ['http:', 'https:', 'mailto:', 'tel:'];

/**
 * The one allow-list for link targets, used by the editor and by the Markdown parser:
 * absolute http(s)/mailto/tel URLs, or fragment links. Everything else (javascript:, data:,
 * relative paths that would resolve against the app) is refused.
 */
export function isSafeLinkHref(href: string): boolean {
  // Browsers ignore ASCII control characters and whitespace inside a scheme ("java\tscript:").
  const compact = href.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u2029\u205f\u3000\ufeff]/g, '');
  if (compact.startsWith('#')) return true;
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(compact);
  return scheme !== null && SAFE_LINK_PROTOCOLS.includes(scheme[1].toLowerCase());
}

/**
 * A link is its target and, as Markdown allows, a title: nothing else is part of the schema, so
 * nothing else (target, rel, class, event handlers, style) is kept from pasted HTML, an imported
 * DOCX or a Yjs update. The browser still opens links safely: `target` and `rel` are constants of
 * the rendering, not stored attributes.
 */
export const LINK_ATTRIBUTES = ['href', 'title'] as const;

const HrefOnlyLink = Link.extend({
  addAttributes() {
    const inherited: Attributes = this.parent?.() ?? {};
    return Object.fromEntries(LINK_ATTRIBUTES.map((name) => [name, inherited[name]]));
  },
});

export interface EditorExtensionsOptions {
  link?: { autolink?: boolean; linkOnPaste?: boolean };
}

/**
 * The extensions that define the document schema. The client adds Collaboration and
 * CollaborationCaret on top; the server uses the schema headlessly. Anything added here
 * must also get a Markdown mapping in `markdown.ts`.
 */
export function editorExtensions(options: EditorExtensionsOptions = {}): AnyExtension[] {
  const starterKit = StarterKit.configure({
    heading: { levels: [...HEADING_LEVELS] },
    // Yjs owns undo/redo (y-undo via Collaboration); ProseMirror history would fight it.
    undoRedo: false,
    // No Markdown we want to keep for these in policy notes: keep the schema to what round-trips.
    code: false,
    codeBlock: false,
    // Replaced by HrefOnlyLink below.
    link: false,
  });
  const link = HrefOnlyLink.configure({
    openOnClick: false,
    autolink: options.link?.autolink ?? true,
    linkOnPaste: options.link?.linkOnPaste ?? true,
    defaultProtocol: 'https',
    HTMLAttributes: { target: '_blank', rel: 'noopener noreferrer nofollow', class: null },
    isAllowedUri: (url) => isSafeLinkHref(url),
    shouldAutoLink: (url) => isSafeLinkHref(url) || isSafeLinkHref(`https://${url}`),
  });
  return [
    starterKit,
    link,
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
  ];
}

export const editorSchema = getSchema(editorExtensions());
