import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { CommentAnchorDto } from '@coupole/shared';
import { findQuote, rangeFromAnchor, type YBinding } from './comment-anchors';

export interface CommentHighlight {
  id: string;
  anchor: CommentAnchorDto;
}

interface HighlightState {
  highlights: CommentHighlight[];
  activeId: string | null;
  decorations: DecorationSet;
}

interface HighlightMeta {
  highlights?: CommentHighlight[];
  activeId?: string | null;
  /** Decorations computed after the update, from the Yjs positions. */
  decorations?: DecorationSet;
}

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights');

function binding(state: EditorState): YBinding | null {
  const sync = ySyncPluginKey.getState(state) as { binding?: YBinding | null } | undefined;
  return sync?.binding ?? null;
}

function build(
  state: EditorState,
  highlights: CommentHighlight[],
  activeId: string | null,
  previous: DecorationSet,
): DecorationSet {
  const yBinding = binding(state);
  if (!yBinding || highlights.length === 0) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  for (const highlight of highlights) {
    const [before] = previous.find(undefined, undefined, (spec) => (spec as { commentId?: string }).commentId === highlight.id);
    const range =
      rangeFromAnchor(yBinding, highlight.anchor) ??
      findQuote(state.doc, highlight.anchor.quote, before ? before.from : null);
    if (!range || range.to > state.doc.content.size) continue;
    decorations.push(
      Decoration.inline(range.from, range.to, {
        class: highlight.id === activeId ? 'comment-highlight is-active' : 'comment-highlight',
        'data-comment-id': highlight.id,
      }, { commentId: highlight.id }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

/**
 * Highlights the text of anchored comments. Positions come from the Yjs relative positions, so
 * they follow concurrent edits. They are read after each update has been applied everywhere
 * (ProseMirror, the Yjs binding and its mapping), in a microtask after the view update;
 * meanwhile the previous decorations are mapped through the change.
 */
export const CommentHighlights = Extension.create<{ onSelect: (id: string) => void }>({
  name: 'commentHighlights',

  addOptions() {
    return { onSelect: () => undefined };
  },

  addProseMirrorPlugins() {
    const { onSelect } = this.options;
    return [
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: () => ({ highlights: [], activeId: null, decorations: DecorationSet.empty }),
          apply(tr: Transaction, value: HighlightState): HighlightState {
            const meta = tr.getMeta(commentHighlightsKey) as HighlightMeta | undefined;
            const mapped = tr.docChanged ? value.decorations.map(tr.mapping, tr.doc) : value.decorations;
            if (!meta) return mapped === value.decorations ? value : { ...value, decorations: mapped };
            return {
              highlights: meta.highlights ?? value.highlights,
              activeId: meta.activeId !== undefined ? meta.activeId : value.activeId,
              decorations: meta.decorations ?? mapped,
            };
          },
        },
        view: () => {
          let scheduled = false;
          return {
            update: (view, previous) => {
              const now = commentHighlightsKey.getState(view.state);
              const before = commentHighlightsKey.getState(previous);
              const stale =
                view.state.doc !== previous.doc ||
                now?.highlights !== before?.highlights ||
                now?.activeId !== before?.activeId;
              if (!stale || scheduled) return;
              scheduled = true;
              queueMicrotask(() => {
                scheduled = false;
                if (view.isDestroyed) return;
                const current = commentHighlightsKey.getState(view.state);
                if (!current) return;
                const decorations = build(view.state, current.highlights, current.activeId, current.decorations);
                view.dispatch(view.state.tr.setMeta(commentHighlightsKey, { decorations }).setMeta('addToHistory', false));
              });
            },
          };
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
          handleClick: (view, pos) => {
            const [found] = commentHighlightsKey.getState(view.state)?.decorations.find(pos, pos) ?? [];
            const id = (found?.spec as { commentId?: string } | undefined)?.commentId;
            if (id) onSelect(id);
            return false;
          },
        },
      }),
    ];
  },
});

export function setCommentHighlights(tr: Transaction, meta: HighlightMeta): Transaction {
  return tr.setMeta(commentHighlightsKey, meta);
}
