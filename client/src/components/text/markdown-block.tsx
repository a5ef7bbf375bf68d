import { editorExtensions, markdownToJSON } from '@coupole/shared';
import { generateHTML } from '@tiptap/core';
import { useMemo } from 'react';
import './markdown-block.css';

const extensions = editorExtensions();

/**
 * Renders canonical Markdown (a frozen paragraph, a decided text) through the shared editor
 * schema, so headings, emphasis, lists, links and tables read as in the editor. The HTML comes
 * from the schema's own serialiser: text is escaped and only safe link protocols survive.
 */
export function MarkdownBlock({ markdown, className }: { markdown: string; className?: string }) {
  const html = useMemo(() => nestHeadings(generateHTML(markdownToJSON(markdown), extensions)), [markdown]);
  return <div className={className ? `markdown-block ${className}` : 'markdown-block'} dangerouslySetInnerHTML={{ __html: html }} />;
}

/**
 * The text's own headings sit inside a page section (h2): they become h3–h5, so the page keeps
 * one h1 and a sound outline for screen readers.
 */
function nestHeadings(html: string): string {
  return html.replace(/<(\/?)h([1-6])(?=[\s>])/g, (_tag, slash: string, level: string) => `<${slash}h${Math.min(Number(level) + 2, 6)}`);
}
