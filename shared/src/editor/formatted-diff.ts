import { diffArrays } from 'diff';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { diffWords, type DiffPart } from './diff';
import { markdownToDoc } from './markdown';

/**
 * How a changed block is shown formatted rather than as Markdown source: a paragraph or a
 * heading of the same level keeps its shape with a word diff of its text; a list of the same
 * kind diffs item by item; anything else (a table, a block that changed kind) is shown as the
 * old block struck out then the new one, each formatted.
 */
export type FormattedBlockDiff =
  | { kind: 'words'; block: 'paragraph'; parts: DiffPart[] }
  | { kind: 'words'; block: 'heading'; level: number; parts: DiffPart[] }
  | { kind: 'list'; ordered: boolean; items: DiffPart[][] }
  | { kind: 'replace' };

function onlyChild(markdown: string): ProseMirrorNode | null {
  const doc = markdownToDoc(markdown);
  return doc.childCount === 1 ? doc.child(0) : null;
}

function itemTexts(list: ProseMirrorNode): string[] {
  const texts: string[] = [];
  list.forEach((item) => texts.push(item.textContent));
  return texts;
}

function listItemsDiff(from: string[], to: string[]): DiffPart[][] {
  const items: DiffPart[][] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    const paired = Math.min(removed.length, added.length);
    for (let i = 0; i < paired; i++) items.push(diffWords(removed[i], added[i]));
    removed.slice(paired).forEach((text) => items.push([{ op: 'delete', text }]));
    added.slice(paired).forEach((text) => items.push([{ op: 'insert', text }]));
    removed = [];
    added = [];
  };
  for (const part of diffArrays(from, to)) {
    if (part.removed) removed.push(...part.value);
    else if (part.added) added.push(...part.value);
    else {
      flush();
      part.value.forEach((text) => items.push([{ op: 'equal', text }]));
    }
  }
  flush();
  return items;
}

export function formattedBlockDiff(fromMarkdown: string, toMarkdown: string): FormattedBlockDiff {
  const from = onlyChild(fromMarkdown);
  const to = onlyChild(toMarkdown);
  if (!from || !to || from.type !== to.type) return { kind: 'replace' };
  switch (from.type.name) {
    case 'paragraph':
      return { kind: 'words', block: 'paragraph', parts: diffWords(from.textContent, to.textContent) };
    case 'heading':
      if (from.attrs.level !== to.attrs.level) return { kind: 'replace' };
      return { kind: 'words', block: 'heading', level: Number(from.attrs.level), parts: diffWords(from.textContent, to.textContent) };
    case 'bulletList':
    case 'orderedList':
      return { kind: 'list', ordered: from.type.name === 'orderedList', items: listItemsDiff(itemTexts(from), itemTexts(to)) };
    default:
      return { kind: 'replace' };
  }
}
