import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { base64ToBytes, bytesToBase64, type YBinding } from './comment-anchors';

/** An open suggestion as the editor draws it. */
export interface SuggestionMark {
  id: string;
  anchor: { start: string; end: string };
  replacement: string;
  colour: string;
  label: string;
}

/** What the editor sends once a suggestion is typed: the editor's form of `POST /suggestions`. */
export interface SuggestionDraftInput {
  quote: string;
  replacement: string;
  anchor: { start: string; end: string };
}

/** What is being typed in suggestion mode: `from..to` proposed for deletion, `text` for insertion after it. */
interface Draft {
  from: number;
  to: number;
  text: string;
}

interface SuggestionModeState {
  enabled: boolean;
  draft: Draft | null;
  marks: SuggestionMark[];
  decorations: DecorationSet;
}

interface SuggestionModeMeta {
  enabled?: boolean;
  draft?: Draft | null;
  marks?: SuggestionMark[];
  decorations?: DecorationSet;
}

export const suggestionModeKey = new PluginKey<SuggestionModeState>('suggestionMode');

/** Quiet time after the last keystroke before a typed suggestion is sent. */
const SEND_AFTER_MS = 1200;

function binding(state: EditorState): YBinding | null {
  return (ySyncPluginKey.getState(state) as { binding?: YBinding | null } | undefined)?.binding ?? null;
}

function encode(position: unknown): string {
  return bytesToBase64(Y.encodeRelativePosition(position as Y.RelativePosition));
}

function resolve(yBinding: YBinding, base64: string): number | null {
  try {
    return relativePositionToAbsolutePosition(yBinding.doc, yBinding.type, Y.decodeRelativePosition(base64ToBytes(base64)), yBinding.mapping);
  } catch {
    return null;
  }
}

/**
 * The anchor of `from..to` as the server wants it: the start tied to the first quoted
 * character, the end to the last (an insertion: one position, sent as both).
 */
export function draftAnchor(yBinding: YBinding, from: number, to: number): { start: string; end: string } {
  const relative = (pos: number) => absolutePositionToRelativePosition(pos, yBinding.type, yBinding.mapping) as Y.RelativePosition;
  const startPosition = relative(from);
  const absolute = Y.createAbsolutePositionFromRelativePosition(startPosition, yBinding.doc);
  const start =
    absolute && absolute.type instanceof Y.XmlText && absolute.index < absolute.type.length
      ? Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, 0)
      : startPosition;
  if (from === to) {
    const single = encode(start);
    return { start: single, end: single };
  }
  const endAbsolute = Y.createAbsolutePositionFromRelativePosition(relative(to), yBinding.doc);
  const end =
    endAbsolute && endAbsolute.type instanceof Y.XmlText
      ? Y.createRelativePositionFromTypeIndex(endAbsolute.type, endAbsolute.index, -1)
      : relative(to);
  return { start: encode(start), end: encode(end) };
}

function insertionWidget(text: string, className: string, colour: string, label: string | null): HTMLElement {
  const span = document.createElement('span');
  span.className = className;
  span.textContent = text;
  span.style.setProperty('--suggestion-colour', colour);
  if (label) span.title = label;
  return span;
}

function build(state: EditorState, marks: SuggestionMark[], draft: Draft | null, draftColour: string, draftLabel: string): DecorationSet {
  const yBinding = binding(state);
  const decorations: Decoration[] = [];
  const size = state.doc.content.size;
  if (yBinding) {
    for (const mark of marks) {
      const from = resolve(yBinding, mark.anchor.start);
      const to = mark.anchor.start === mark.anchor.end ? from : resolve(yBinding, mark.anchor.end);
      if (from === null || to === null || to < from || to > size) continue;
      const style = `--suggestion-colour: ${mark.colour}`;
      if (to > from) {
        decorations.push(Decoration.inline(from, to, { class: 'suggestion-delete', style, title: mark.label, 'data-suggestion-id': mark.id }, { suggestionId: mark.id }));
      }
      if (mark.replacement) {
        decorations.push(Decoration.widget(to, () => insertionWidget(mark.replacement, 'suggestion-insert', mark.colour, mark.label), { side: 1, key: `s-${mark.id}-${mark.replacement}` }));
      }
    }
  }
  if (draft && draft.to <= size) {
    const style = `--suggestion-colour: ${draftColour}`;
    if (draft.to > draft.from) decorations.push(Decoration.inline(draft.from, draft.to, { class: 'suggestion-delete suggestion-draft', style }));
    if (draft.text) {
      decorations.push(Decoration.widget(draft.to, () => insertionWidget(draft.text, 'suggestion-insert suggestion-draft', draftColour, draftLabel), { side: 1, key: `draft-${draft.text}` }));
    }
  }
  return DecorationSet.create(state.doc, decorations);
}

export interface SuggestionModeOptions {
  /** Sends a typed suggestion; resolves once the server has it (or refused it). */
  onSuggest: (input: SuggestionDraftInput) => Promise<unknown>;
  /** The current user's federation colour and name, for what they are typing. */
  draftColour: string;
  draftLabel: string;
}

/**
 * *Suggérer* mode: typed text, deletions and pastes are not applied to the body. They build a
 * draft (shown as tracked changes) that is sent as a suggestion after a short pause, on Enter,
 * or when the user types elsewhere; any other change of the body is refused while the mode is on.
 * Open suggestions are drawn from their Yjs relative positions, recomputed after each update.
 */
export const SuggestionMode = Extension.create<SuggestionModeOptions>({
  name: 'suggestionMode',

  addOptions() {
    return { onSuggest: () => Promise.resolve(), draftColour: '#4d5968', draftLabel: '' };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const setDraft = (view: EditorView, draft: Draft | null, caret?: number) => {
      const tr = view.state.tr.setMeta(suggestionModeKey, { draft }).setMeta('addToHistory', false);
      if (caret !== undefined) tr.setSelection(TextSelection.create(tr.doc, caret));
      view.dispatch(tr);
      clearTimeout(timer);
      if (draft) timer = setTimeout(() => send(view), SEND_AFTER_MS);
    };

    const send = (view: EditorView) => {
      clearTimeout(timer);
      if (view.isDestroyed) return;
      const state = suggestionModeKey.getState(view.state);
      const draft = state?.draft;
      const yBinding = binding(view.state);
      if (!draft || !yBinding) return;
      view.dispatch(view.state.tr.setMeta(suggestionModeKey, { draft: null }).setMeta('addToHistory', false));
      const quote = view.state.doc.textBetween(draft.from, draft.to);
      if (quote === draft.text) return;
      void options.onSuggest({ quote, replacement: draft.text, anchor: draftAnchor(yBinding, draft.from, draft.to) });
    };

    /** Whether `from..to` lies inside one text block (a suggestion never spans two paragraphs). */
    const inOneBlock = (state: EditorState, from: number, to: number) => {
      if (from < 0 || to > state.doc.content.size) return false;
      const $from = state.doc.resolve(from);
      return $from.parent.isTextblock && to <= $from.end() && from >= $from.start();
    };

    const typeText = (view: EditorView, from: number, to: number, text: string): boolean => {
      const draft = suggestionModeKey.getState(view.state)?.draft ?? null;
      if (!inOneBlock(view.state, from, to)) return true;
      if (from === to && draft && (from === draft.to || from === draft.from)) {
        setDraft(view, { ...draft, text: draft.text + text });
        return true;
      }
      if (draft) send(view);
      setDraft(view, { from, to, text }, to);
      return true;
    };

    const erase = (view: EditorView, forward: boolean): boolean => {
      const { from, to, empty } = view.state.selection;
      const draft = suggestionModeKey.getState(view.state)?.draft ?? null;
      if (!empty) {
        if (draft) send(view);
        if (inOneBlock(view.state, from, to)) setDraft(view, { from, to, text: '' }, from);
        return true;
      }
      if (draft && draft.text && (from === draft.to || from === draft.from)) {
        const text = draft.text.slice(0, -1);
        setDraft(view, text || draft.to > draft.from ? { ...draft, text } : null);
        return true;
      }
      if (draft && !draft.text && !forward && from === draft.from && inOneBlock(view.state, from - 1, draft.to)) {
        setDraft(view, { ...draft, from: from - 1 }, from - 1);
        return true;
      }
      if (draft && !draft.text && forward && from === draft.from && inOneBlock(view.state, draft.from, draft.to + 1)) {
        setDraft(view, { ...draft, to: draft.to + 1 });
        return true;
      }
      const range = forward ? { from, to: from + 1 } : { from: from - 1, to: from };
      if (!inOneBlock(view.state, range.from, range.to)) return true;
      if (draft) send(view);
      setDraft(view, { ...range, text: '' }, range.from);
      return true;
    };

    return [
      new Plugin<SuggestionModeState>({
        key: suggestionModeKey,
        state: {
          init: () => ({ enabled: false, draft: null, marks: [], decorations: DecorationSet.empty }),
          apply(tr: Transaction, value: SuggestionModeState): SuggestionModeState {
            const meta = tr.getMeta(suggestionModeKey) as SuggestionModeMeta | undefined;
            const mappedDraft =
              value.draft && tr.docChanged
                ? { ...value.draft, from: tr.mapping.map(value.draft.from, -1), to: tr.mapping.map(value.draft.to, 1) }
                : value.draft;
            const decorations = tr.docChanged ? value.decorations.map(tr.mapping, tr.doc) : value.decorations;
            return {
              enabled: meta?.enabled ?? value.enabled,
              draft: meta && 'draft' in meta ? (meta.draft ?? null) : mappedDraft,
              marks: meta?.marks ?? value.marks,
              decorations: meta?.decorations ?? decorations,
            };
          },
        },
        // While suggesting, only the other co-editors' changes (through Yjs) reach the body.
        filterTransaction: (tr, state) => {
          if (!tr.docChanged || !suggestionModeKey.getState(state)?.enabled) return true;
          return tr.getMeta(ySyncPluginKey) !== undefined;
        },
        view: () => {
          let scheduled = false;
          return {
            update: (view, previous) => {
              const now = suggestionModeKey.getState(view.state);
              const before = suggestionModeKey.getState(previous);
              if (before?.enabled && !now?.enabled && before.draft) send(view);
              const stale = view.state.doc !== previous.doc || now?.marks !== before?.marks || now?.draft !== before?.draft;
              if (!stale || scheduled) return;
              scheduled = true;
              queueMicrotask(() => {
                scheduled = false;
                if (view.isDestroyed) return;
                const current = suggestionModeKey.getState(view.state);
                if (!current) return;
                const decorations = build(view.state, current.marks, current.draft, options.draftColour, options.draftLabel);
                view.dispatch(view.state.tr.setMeta(suggestionModeKey, { decorations }).setMeta('addToHistory', false));
              });
            },
            destroy: () => clearTimeout(timer),
          };
        },
        props: {
          decorations: (state) => suggestionModeKey.getState(state)?.decorations,
          handleTextInput: (view, from, to, text) => {
            if (!suggestionModeKey.getState(view.state)?.enabled) return false;
            return typeText(view, from, to, text);
          },
          handlePaste: (view, _event, slice) => {
            if (!suggestionModeKey.getState(view.state)?.enabled) return false;
            const { from, to } = view.state.selection;
            return typeText(view, from, to, slice.content.textBetween(0, slice.content.size, ' '));
          },
          handleDrop: (view) => Boolean(suggestionModeKey.getState(view.state)?.enabled),
          handleKeyDown: (view, event) => {
            if (!suggestionModeKey.getState(view.state)?.enabled) return false;
            if (event.key === 'Backspace' || event.key === 'Delete') return erase(view, event.key === 'Delete');
            if (event.key === 'Enter') {
              send(view);
              return true;
            }
            return false;
          },
        },
      }),
    ];
  },
});

export function setSuggestionMode(tr: Transaction, meta: Pick<SuggestionModeMeta, 'enabled' | 'marks'>): Transaction {
  return tr.setMeta(suggestionModeKey, meta).setMeta('addToHistory', false);
}
