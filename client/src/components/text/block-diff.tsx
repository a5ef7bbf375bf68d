import { createElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formattedBlockDiff, type DiffPart, type ParagraphChange } from '@coupole/shared';
import { MarkdownBlock } from './markdown-block';
import './block-diff.css';

/** What a screen reader hears around an insertion or a deletion. */
interface DiffMarkers {
  insertStart: string;
  insertEnd: string;
  deleteStart: string;
  deleteEnd: string;
}

function Marked({ op, markers, children }: { op: 'insert' | 'delete'; markers: DiffMarkers; children: ReactNode }) {
  return op === 'insert' ? (
    <ins className="block-diff__insert">
      <span className="visually-hidden">{markers.insertStart}</span>
      {children}
      <span className="visually-hidden">{markers.insertEnd}</span>
    </ins>
  ) : (
    <del className="block-diff__delete">
      <span className="visually-hidden">{markers.deleteStart}</span>
      {children}
      <span className="visually-hidden">{markers.deleteEnd}</span>
    </del>
  );
}

function Parts({ parts, markers }: { parts: DiffPart[]; markers: DiffMarkers }) {
  return (
    <>
      {parts.map((part, index) =>
        part.op === 'equal' ? (
          <span key={index}>{part.text}</span>
        ) : (
          <Marked key={index} op={part.op} markers={markers}>
            {part.text}
          </Marked>
        ),
      )}
    </>
  );
}

/** A whole block added or removed, formatted as in the editor. */
function WholeBlock({ op, markdown, markers }: { op: 'insert' | 'delete'; markdown: string; markers: DiffMarkers }) {
  return (
    <div className={`block-diff__block block-diff__block--${op}`}>
      <Marked op={op} markers={markers}>
        <MarkdownBlock markdown={markdown} />
      </Marked>
    </div>
  );
}

/**
 * One block of a comparison, formatted (headings, lists, emphasis as in the editor, never the
 * Markdown source): unchanged blocks muted, added and removed ones marked whole, a changed
 * paragraph, heading or list with its words marked.
 */
export function BlockDiff({ change }: { change: ParagraphChange }) {
  const { t } = useTranslation();
  const markers: DiffMarkers = {
    insertStart: t('common.diff.insertStart'),
    insertEnd: t('common.diff.insertEnd'),
    deleteStart: t('common.diff.deleteStart'),
    deleteEnd: t('common.diff.deleteEnd'),
  };
  switch (change.op) {
    case 'equal':
      return (
        <div className="block-diff__block block-diff__block--equal">
          <MarkdownBlock markdown={change.to.markdown} />
        </div>
      );
    case 'insert':
      return <WholeBlock op="insert" markdown={change.to.markdown} markers={markers} />;
    case 'delete':
      return <WholeBlock op="delete" markdown={change.from.markdown} markers={markers} />;
    case 'change': {
      const diff = formattedBlockDiff(change.from.markdown, change.to.markdown);
      if (diff.kind === 'words') {
        // The text's headings sit under the page's own (h2/h3): nested two levels down, as in MarkdownBlock.
        const element = diff.block === 'heading' ? `h${Math.min(diff.level + 2, 6)}` : 'p';
        return (
          <div className="block-diff__block block-diff__block--change markdown-block">
            {createElement(element, null, <Parts parts={diff.parts} markers={markers} />)}
          </div>
        );
      }
      if (diff.kind === 'list') {
        return (
          <div className="block-diff__block block-diff__block--change markdown-block">
            {createElement(
              diff.ordered ? 'ol' : 'ul',
              null,
              diff.items.map((parts, index) => (
                <li key={index}>
                  <Parts parts={parts} markers={markers} />
                </li>
              )),
            )}
          </div>
        );
      }
      return (
        <>
          <WholeBlock op="delete" markdown={change.from.markdown} markers={markers} />
          <WholeBlock op="insert" markdown={change.to.markdown} markers={markers} />
        </>
      );
    }
  }
}
