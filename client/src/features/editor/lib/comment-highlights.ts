import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { CommentAnchorDto } from '@coupole/shared';
import { rangeFromAnchor, type YBinding } from './comment-anchors';

export interface CommentHighlight {
  id: string;
  anchor: Pick<CommentAnchorDto, 'start' | 'end'>;
}

interface HighlightState {
  highlights: CommentHighlight[];
  activeId: string | null;
  decorations: DecorationSet;
}

interface HighlightMeta {
  highlights?: CommentHighlight[];
  activeId?: string | null;
}

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights');

function binding(state: EditorState): YBinding | null {
  const sync = ySyncPluginKey.getState(state) as { binding?: YBinding | null } | undefined;
  return sync?.binding ?? null;
}

function build(state: EditorState, highlights: CommentHighlight[], activeId: string | null): DecorationSet {
  const yBinding = binding(state);
  if (!yBinding || highlights.length === 0) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  for (const highlight of highlights) {
    const range = rangeFromAnchor(yBinding, highlight.anchor);
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
 * Highlights the text of anchored comments. Positions come from the Yjs relative positions,
 * read again whenever a remote change arrives (the binding's mapping is then current); local
 * typing only maps the existing decorations, because Yjs is updated after ProseMirror.
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
          apply(tr: Transaction, value: HighlightState, _old: EditorState, next: EditorState): HighlightState {
            const meta = tr.getMeta(commentHighlightsKey) as HighlightMeta | undefined;
            const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
            if (meta || sync?.isChangeOrigin) {
              const highlights = meta?.highlights ?? value.highlights;
              const activeId = meta?.activeId !== undefined ? meta.activeId : value.activeId;
              return { highlights, activeId, decorations: build(next, highlights, activeId) };
            }
            if (tr.docChanged) return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) };
            return value;
          },
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
