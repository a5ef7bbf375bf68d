/**
 * A block of the frozen text, read from its canonical Markdown: headings lose their hashes, the
 * rest keeps its line breaks. The exact bytes are what the content hash covers, so nothing is
 * rewritten beyond that.
 */
export function ParagraphText({ markdown }: { markdown: string }) {
  const heading = /^(#{1,6})\s+(.*)$/s.exec(markdown);
  if (heading) {
    return <p className={`paragraph-text paragraph-text--heading paragraph-text--h${heading[1].length}`}>{heading[2]}</p>;
  }
  return <p className="paragraph-text">{markdown}</p>;
}
