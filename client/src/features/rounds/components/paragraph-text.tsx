import { MarkdownBlock } from '../../../components/text/markdown-block';

/** One top-level block of the frozen version, formatted as in the editor. */
export function ParagraphText({ markdown }: { markdown: string }) {
  return <MarkdownBlock markdown={markdown} className="paragraph-text" />;
}
