import { docToMarkdown, editorSchema } from '@coupole/shared';
import { DOMParser as ProseMirrorDOMParser } from '@tiptap/pm/model';

export const DOCX_MAX_BYTES = 10 * 1024 * 1024;
export const DOCX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export interface ImportedDocx {
  markdown: string;
  /**
   * A title when the caller gives none: the Word "Title" paragraph (Titre), which is then not
   * repeated in the body, else the first heading.
   */
  heading: string | null;
}

// Word's "Title" and "Subtitle" styles are no headings for mammoth (they would become plain
// paragraphs); the title is marked to be taken out, the subtitle stays as an ordinary paragraph.
const TITLE_CLASS = 'coupole-word-title';
// Underlined runs are dropped by mammoth unless mapped; the editor has underline (and strike).
const STYLE_MAP = [
  `p[style-name='Title'] => h1.${TITLE_CLASS}:fresh`,
  `p[style-name='Titre'] => h1.${TITLE_CLASS}:fresh`,
  "p[style-name='Subtitle'] => p:fresh",
  'u => u',
  'strike => s',
];

export function looksLikeDocx(fileName: string, buffer: Buffer): boolean {
  return /\.docx$/i.test(fileName) && buffer.subarray(0, 4).equals(ZIP_SIGNATURE);
}

/**
 * .docx → HTML (mammoth) → ProseMirror through the shared editor schema → canonical Markdown,
 * so an imported text holds exactly what the editor can represent (styles and images dropped).
 * Throws when the file is not a Word document mammoth can read.
 */
export async function importDocx(buffer: Buffer): Promise<ImportedDocx> {
  // Loaded on first use, not at every start (README, "Start-up"): mammoth and linkedom.
  const mammoth = require('mammoth') as typeof import('mammoth');
  const { parseHTML } = require('linkedom') as typeof import('linkedom');
  const { value: html } = await mammoth.convertToHtml({ buffer }, { styleMap: STYLE_MAP });
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const titles = [...document.body.querySelectorAll(`.${TITLE_CLASS}`)];
  const wordTitle = titles.map((element) => element.textContent?.replace(/\s+/g, ' ').trim() ?? '').find((text) => text !== '') ?? null;
  // The first Title paragraph is the document's title; any other stays in the text as a heading.
  const first = titles.find((element) => (element.textContent ?? '').trim() !== '');
  first?.remove();
  const doc = ProseMirrorDOMParser.fromSchema(editorSchema).parse(document.body as unknown as Node);
  let heading: string | null = wordTitle;
  doc.descendants((node) => {
    if (heading === null && node.type.name === 'heading' && node.textContent.trim() !== '') heading = node.textContent.trim();
    return heading === null;
  });
  return { markdown: docToMarkdown(doc), heading };
}
