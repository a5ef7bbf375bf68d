import { COUPOLE_HEADING, ExportContent, exportSubtitleLines } from '../export-content';

function escapeInline(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/** The canonical Markdown of the body, framed by the Coupole heading and followed by any annex. */
export function renderMarkdown(content: ExportContent): Buffer {
  const parts = [
    `*${escapeInline(COUPOLE_HEADING)}*`,
    `# ${escapeInline(content.title)}`,
    exportSubtitleLines(content)
      .map((line) => `*${escapeInline(line)}*`)
      .join('  \n'),
    '---',
    content.markdown.trim(),
  ];
  for (const section of content.annex) {
    parts.push('---', `## Annexe — ${escapeInline(section.title)}`, section.markdown.trim());
  }
  return Buffer.from(`${parts.filter((part) => part.length > 0).join('\n\n')}\n`, 'utf8');
}
