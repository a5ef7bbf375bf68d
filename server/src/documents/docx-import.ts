import { docToMarkdown, editorSchema } from '@coupole/shared';
import { DOMParser as ProseMirrorDOMParser } from '@tiptap/pm/model';
import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';

export const DOCX_MAX_BYTES = 10 * 1024 * 1024;
export const DOCX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export interface ImportedDocx {
  markdown: string;
  /** The first heading, if any: a title when the caller gives none. */
  heading: string | null;
}

export function looksLikeDocx(fileName: string, buffer: Buffer): boolean {
  return /\.docx$/i.test(fileName) && buffer.subarray(0, 4).equals(ZIP_SIGNATURE);
}

/**
 * .docx → HTML (mammoth) → ProseMirror through the shared editor schema → canonical Markdown,
 * so an imported text holds exactly what the editor can represent (styles and images dropped).
 * Throws when the file is not a Word document mammoth can read.
 */
export async function importDocx(buffer: Buffer): Promise<ImportedDocx> {
  const { value: html } = await mammoth.convertToHtml({ buffer });
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const doc = ProseMirrorDOMParser.fromSchema(editorSchema).parse(document.body as unknown as Node);
  let heading: string | null = null;
  doc.descendants((node) => {
    if (heading === null && node.type.name === 'heading' && node.textContent.trim() !== '') heading = node.textContent.trim();
    return heading === null;
  });
  return { markdown: docToMarkdown(doc), heading };
}
