import { diffArrays, diffWordsWithSpace } from 'diff';
import { markdownToDoc } from './markdown';
import { markdownParagraphs, type Paragraph } from './paragraphs';

export type DiffOp = 'equal' | 'insert' | 'delete';

export interface DiffPart {
  op: DiffOp;
  text: string;
}

/** Word-level diff of two Markdown texts; whitespace and punctuation are tokens of their own. */
export function diffWords(from: string, to: string): DiffPart[] {
  return diffWordsWithSpace(from, to).map((change) => ({
    op: change.added ? 'insert' : change.removed ? 'delete' : 'equal',
    text: change.value,
  }));
}

export type ParagraphChange =
  | { op: 'equal'; from: Paragraph; to: Paragraph }
  | { op: 'insert'; to: Paragraph }
  | { op: 'delete'; from: Paragraph }
  | { op: 'change'; from: Paragraph; to: Paragraph; parts: DiffPart[] };

/**
 * Block-by-block comparison for rendering a diff in place: blocks are aligned on their
 * Markdown (longest common subsequence); inside a run of removed and added blocks, they are
 * paired in order as `change` with a word diff, and the surplus is `delete` or `insert`.
 */
export function diffParagraphs(fromMarkdown: string, toMarkdown: string): ParagraphChange[] {
  const from = markdownParagraphs(fromMarkdown);
  const to = markdownParagraphs(toMarkdown);
  const aligned = diffArrays(
    from.map((paragraph) => paragraph.markdown),
    to.map((paragraph) => paragraph.markdown),
  );
  const changes: ParagraphChange[] = [];
  let fromIndex = 0;
  let toIndex = 0;
  let removed: Paragraph[] = [];
  let added: Paragraph[] = [];
  const flush = () => {
    const paired = Math.min(removed.length, added.length);
    for (let i = 0; i < paired; i++) {
      changes.push({
        op: 'change',
        from: removed[i],
        to: added[i],
        parts: diffWords(removed[i].markdown, added[i].markdown),
      });
    }
    removed.slice(paired).forEach((paragraph) => changes.push({ op: 'delete', from: paragraph }));
    added.slice(paired).forEach((paragraph) => changes.push({ op: 'insert', to: paragraph }));
    removed = [];
    added = [];
  };
  for (const part of aligned) {
    const count = part.count ?? part.value.length;
    if (part.removed) {
      removed.push(...from.slice(fromIndex, fromIndex + count));
      fromIndex += count;
    } else if (part.added) {
      added.push(...to.slice(toIndex, toIndex + count));
      toIndex += count;
    } else {
      flush();
      for (let i = 0; i < count; i++) {
        changes.push({ op: 'equal', from: from[fromIndex++], to: to[toIndex++] });
      }
    }
  }
  flush();
  return changes;
}

/**
 * An objection's amendment against the paragraphs it would replace, block by block, to show it
 * as a diff (its words marked) rather than as Markdown.
 */
export function amendmentChanges(replaced: readonly string[], amendment: string): ParagraphChange[] {
  return diffParagraphs(replaced.length > 0 ? `${replaced.join('\n\n')}\n` : '', amendment);
}

/** One block of an amendment's diff in plain words (no Markdown left), for the decision's annex. */
export type AmendmentTextBlock = DiffPart[];

/**
 * An amendment against the paragraphs it replaces as plain-text word diffs, block by block: the
 * text a reader sees (list markers, emphasis marks and table pipes gone), an item or a row per line.
 */
export function amendmentTextChanges(replaced: readonly string[], amendment: string): AmendmentTextBlock[] {
  return amendmentChanges(replaced, amendment).map((change) => {
    if (change.op === 'equal') return [{ op: 'equal', text: plainText(change.to.markdown) }];
    if (change.op === 'insert') return [{ op: 'insert', text: plainText(change.to.markdown) }];
    if (change.op === 'delete') return [{ op: 'delete', text: plainText(change.from.markdown) }];
    return diffWords(plainText(change.from.markdown), plainText(change.to.markdown));
  });
}

function plainText(markdown: string): string {
  const doc = markdownToDoc(markdown);
  return doc.textBetween(0, doc.content.size, '\n', ' ').trim();
}
