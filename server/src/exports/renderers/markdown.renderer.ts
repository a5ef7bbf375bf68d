import { jsonToMarkdown, type ProseMirrorJSON } from '@coupole/shared';
import { COUPOLE_FEDERATIONS_LINE, COUPOLE_HEADING, ExportContent, exportSubtitleLines } from '../export-content';

function escapeInline(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/**
 * The serializer escapes a "<" only where it could open a tag; a closing tag such as
 * "</script>" would still reach a Markdown viewer as HTML. Every "<" of a generated section is
 * escaped (such sections have no code spans or autolinks, where that would show).
 */
function inertHtml(markdown: string): string {
  return markdown.replace(/\\?</g, '\\<');
}

/** A section's headings one level below its "## Annexe — …" title. */
function underAnnexTitle(node: ProseMirrorJSON): ProseMirrorJSON {
  const level = node.type === 'heading' ? { attrs: { ...node.attrs, level: Math.min(6, Number(node.attrs?.level ?? 1) + 1) } } : {};
  return { ...node, ...level, content: node.content?.map(underAnnexTitle) };
}

/** The canonical Markdown of the body, framed by the Coupole heading and followed by any annex. */
export function renderMarkdown(content: ExportContent): Buffer {
  const parts = [
    `*${escapeInline(COUPOLE_HEADING)}*  \n${escapeInline(COUPOLE_FEDERATIONS_LINE)}`,
    `# ${escapeInline(content.title)}`,
    exportSubtitleLines(content)
      .map((line) => `*${escapeInline(line)}*`)
      .join('  \n'),
    '---',
    content.markdown.trim(),
  ];
  for (const section of content.annex) {
    // Written by the shared serializer: the people's words in it come out escaped, as data.
    parts.push('---', `## Annexe — ${escapeInline(section.title)}`, inertHtml(jsonToMarkdown(underAnnexTitle(section.doc)).trim()));
  }
  return Buffer.from(`${parts.filter((part) => part.length > 0).join('\n\n')}\n`, 'utf8');
}
