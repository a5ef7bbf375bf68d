import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { AddMarkStep, RemoveMarkStep } from '@tiptap/pm/transform';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { PARAGRAPH_BREAK, SUGGESTION_FORMAT_MARKS, type SuggestionFormat, type SuggestionFormatMark } from '@coupole/shared';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { base64ToBytes, bytesToBase64, type YBinding } from './comment-anchors';

/** An open suggestion as the editor draws it. */
export interface SuggestionMark {
  id: string;
  anchor: { start: string; end: string };
  replacement: string;
  /** A format suggestion's change, with its wording (« Mettre en gras »). */
  format?: { value: SuggestionFormat; label: string } | null;
  colour: string;
  label: string;
}

/** What the editor sends once a suggestion is typed: the editor's form of `POST /suggestions`. */
export interface SuggestionDraftInput {
  quote: string;
  replacement: string;
  anchor: { start: string; end: string };
  format?: SuggestionFormat;
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
 * The run of text (Y.XmlText) and index at `pos`, when `pos` stands in a paragraph or heading
 * holding one run: found through the binding's mapping of Yjs types to the nodes they drew.
 */
function runAt(yBinding: YBinding, doc: ProseMirrorNode, pos: number): { text: Y.XmlText; index: number } | null {
  if (pos < 0 || pos > doc.content.size) return null;
  const $pos = doc.resolve(pos);
  if (!$pos.parent.isTextblock) return null;
  const mapping = (yBinding as unknown as { mapping: Map<unknown, unknown> }).mapping;
  for (const [type, node] of mapping) {
    if (node !== $pos.parent || !(type instanceof Y.XmlElement)) continue;
    const [only, ...rest] = type.toArray();
    return only instanceof Y.XmlText && rest.length === 0 ? { text: only, index: $pos.parentOffset } : null;
  }
  return null;
}

/**
 * The anchor of `from..to` as the server wants it, across paragraphs too: the start tied to the
 * first quoted character, the end to the last (an insertion: one position, sent as both).
 */
export function spanAnchor(yBinding: YBinding, doc: ProseMirrorNode, from: number, to: number): { start: string; end: string } | null {
  const start = runAt(yBinding, doc, from);
  const end = from === to ? start : runAt(yBinding, doc, to);
  if (!start || !end) return from === to || doc.resolve(from).sameParent(doc.resolve(to)) ? draftAnchor(yBinding, from, to) : null;
  const startPosition = encode(Y.createRelativePositionFromTypeIndex(start.text, start.index, 0));
  if (from === to) return { start: startPosition, end: startPosition };
  return { start: startPosition, end: encode(Y.createRelativePositionFromTypeIndex(end.text, end.index, -1)) };
}

/**
 * The anchor of `from..to` within one paragraph, from y-tiptap's positions: the start tied to the
 * first quoted character, the end to the last (an insertion: one position, sent as both).
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

/** Inserted text; each "\n\n" in it starts a new paragraph, drawn as a block of its own after a pilcrow. */
function insertionWidget(text: string, className: string, colour: string, label: string | null): HTMLElement {
  const [head, ...paragraphs] = text.split(PARAGRAPH_BREAK);
  const span = document.createElement('span');
  span.className = className;
  span.style.setProperty('--suggestion-colour', colour);
  if (label) span.title = label;
  span.append(head);
  for (const paragraph of paragraphs) {
    const pilcrow = document.createElement('span');
    pilcrow.className = 'suggestion-pilcrow';
    pilcrow.textContent = '¶';
    const block = document.createElement('span');
    block.className = 'suggestion-insert__paragraph';
    // An empty new paragraph still shows as a line of its own.
    block.textContent = paragraph || '\u200b';
    span.append(pilcrow, block);
  }
  return span;
}

function pilcrowWidget(className: string, colour: string, label: string): HTMLElement {
  const span = document.createElement('span');
  span.className = `suggestion-pilcrow ${className}`;
  span.textContent = '¶';
  span.style.setProperty('--suggestion-colour', colour);
  span.title = label;
  return span;
}

/** A struck pilcrow at the end of each paragraph whose break `from..to` removes (a join). */
function breakWidgets(doc: ProseMirrorNode, from: number, to: number, key: string, colour: string, label: string, className: string): Decoration[] {
  const widgets: Decoration[] = [];
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isTextblock) return true;
    const end = pos + node.nodeSize - 1;
    if (end >= from && end < to) widgets.push(Decoration.widget(end, () => pilcrowWidget(className, colour, label), { side: -1, key: `${key}-${end}` }));
    return false;
  });
  return widgets;
}

function formatBadge(colour: string, label: string): HTMLElement {
  const span = document.createElement('span');
  span.className = 'suggestion-format-badge';
  span.textContent = 'Aa';
  span.style.setProperty('--suggestion-colour', colour);
  span.title = label;
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
      if (mark.format) {
        const title = `${mark.format.label} — ${mark.label}`;
        decorations.push(Decoration.widget(from, () => formatBadge(mark.colour, title), { side: -1, key: `f-${mark.id}` }));
        if (to > from) decorations.push(Decoration.inline(from, to, { class: 'suggestion-format', style, title, 'data-suggestion-id': mark.id }, { suggestionId: mark.id }));
        continue;
      }
      if (to > from) {
        decorations.push(Decoration.inline(from, to, { class: 'suggestion-delete', style, title: mark.label, 'data-suggestion-id': mark.id }, { suggestionId: mark.id }));
        decorations.push(...breakWidgets(state.doc, from, to, `b-${mark.id}`, mark.colour, mark.label, 'suggestion-delete'));
      }
      if (mark.replacement) {
        decorations.push(Decoration.widget(to, () => insertionWidget(mark.replacement, 'suggestion-insert', mark.colour, mark.label), { side: 1, key: `s-${mark.id}-${mark.replacement}` }));
      }
    }
  }
  if (draft && draft.to <= size) {
    const style = `--suggestion-colour: ${draftColour}`;
    if (draft.to > draft.from) {
      decorations.push(Decoration.inline(draft.from, draft.to, { class: 'suggestion-delete suggestion-draft', style }));
      decorations.push(...breakWidgets(state.doc, draft.from, draft.to, 'draft-break', draftColour, draftLabel, 'suggestion-delete suggestion-draft'));
    }
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
 * draft (shown as tracked changes) that is sent as a suggestion after a short pause or when the
 * user types elsewhere. Enter adds a paragraph break to the draft, Backspace at a paragraph's
 * start or a selection across paragraphs proposes a join (a `paragraph` suggestion); bold,
 * italic, headings and lists become `format` suggestions; any other change of the body is
 * refused while the mode is on.
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
      const quote = view.state.doc.textBetween(draft.from, draft.to, PARAGRAPH_BREAK);
      if (quote === draft.text) return;
      const anchor = spanAnchor(yBinding, view.state.doc, draft.from, draft.to);
      if (anchor) void options.onSuggest({ quote, replacement: draft.text, anchor });
    };

    /** Whether both ends of `from..to` stand in text blocks (a draft may cross paragraphs: a join). */
    const inTextblocks = (state: EditorState, from: number, to: number) => {
      if (from < 0 || to > state.doc.content.size || to < from) return false;
      return state.doc.resolve(from).parent.isTextblock && state.doc.resolve(to).parent.isTextblock;
    };

    /** One character back from `pos`, or over the break into the previous text block (Backspace at a paragraph's start). */
    const stepBack = (state: EditorState, pos: number): number | null => {
      const $pos = state.doc.resolve(pos);
      if ($pos.parentOffset > 0) return pos - 1;
      return pos >= 2 && inTextblocks(state, pos - 2, pos) ? pos - 2 : null;
    };

    const stepForward = (state: EditorState, pos: number): number | null => {
      const $pos = state.doc.resolve(pos);
      if ($pos.parentOffset < $pos.parent.content.size) return pos + 1;
      return pos + 2 <= state.doc.content.size && inTextblocks(state, pos, pos + 2) ? pos + 2 : null;
    };

    const typeText = (view: EditorView, from: number, to: number, text: string): boolean => {
      const draft = suggestionModeKey.getState(view.state)?.draft ?? null;
      if (!inTextblocks(view.state, from, to)) return true;
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
        if (inTextblocks(view.state, from, to)) setDraft(view, { from, to, text: '' }, from);
        return true;
      }
      if (draft && draft.text && (from === draft.to || from === draft.from)) {
        const text = draft.text.endsWith(PARAGRAPH_BREAK) ? draft.text.slice(0, -PARAGRAPH_BREAK.length) : draft.text.slice(0, -1);
        setDraft(view, text || draft.to > draft.from ? { ...draft, text } : null);
        return true;
      }
      if (draft && !draft.text && from === draft.from) {
        const extended = forward ? stepForward(view.state, draft.to) : stepBack(view.state, from);
        if (extended === null) return true;
        setDraft(view, forward ? { ...draft, to: extended } : { ...draft, from: extended }, forward ? undefined : extended);
        return true;
      }
      const other = forward ? stepForward(view.state, from) : stepBack(view.state, from);
      if (other === null) return true;
      const range = forward ? { from, to: other } : { from: other, to: from };
      if (draft) send(view);
      setDraft(view, { ...range, text: '' }, range.from);
      return true;
    };

    /** Enter: a paragraph break in the draft (a new paragraph, or a split where the caret stands). */
    const breakParagraph = (view: EditorView): boolean => {
      const { from, to } = view.state.selection;
      const draft = suggestionModeKey.getState(view.state)?.draft ?? null;
      if (draft && from === to && (from === draft.to || from === draft.from)) {
        setDraft(view, { ...draft, text: draft.text + PARAGRAPH_BREAK });
        return true;
      }
      return typeText(view, from, to, PARAGRAPH_BREAK);
    };

    /**
     * A formatting change made while suggesting (toolbar, shortcut), read from the transaction
     * that would make it: marks added or removed, or the block type of the selected paragraphs
     * (heading, paragraph, list). Null when it is anything else.
     */
    const formatOf = (tr: Transaction, state: EditorState): { from: number; to: number; format: SuggestionFormat } | null => {
      const steps = tr.steps;
      if (steps.length > 0 && steps.every((step) => step instanceof AddMarkStep || step instanceof RemoveMarkStep)) {
        const marks = steps as Array<AddMarkStep | RemoveMarkStep>;
        const name = marks[0].mark.type.name;
        const action = marks[0] instanceof AddMarkStep ? 'add' : 'remove';
        if (!(SUGGESTION_FORMAT_MARKS as readonly string[]).includes(name)) return null;
        if (marks.some((step) => step.mark.type.name !== name || (step instanceof AddMarkStep ? 'add' : 'remove') !== action)) return null;
        const from = Math.min(...marks.map((step) => step.from));
        const to = Math.max(...marks.map((step) => step.to));
        return { from, to, format: { mark: name as SuggestionFormatMark, action } };
      }
      // A block change keeps the words: read the new type of the first selected text block.
      const { from, to } = state.selection;
      if (tr.doc.textBetween(0, tr.doc.content.size, PARAGRAPH_BREAK) !== state.doc.textBetween(0, state.doc.content.size, PARAGRAPH_BREAK)) return null;
      const $before = state.doc.resolve(from);
      const $after = tr.doc.resolve(tr.mapping.map(from));
      if (!$before.parent.isTextblock || !$after.parent.isTextblock) return null;
      const blockOf = ($pos: typeof $before) => {
        const list = $pos.depth >= 2 && $pos.node($pos.depth - 1).type.name === 'listItem' ? $pos.node($pos.depth - 2).type.name : null;
        return { type: $pos.parent.type.name, level: $pos.parent.attrs.level as number | undefined, list };
      };
      const before = blockOf($before);
      const after = blockOf($after);
      let format: SuggestionFormat | null = null;
      if (after.list && after.list !== before.list && (after.list === 'bulletList' || after.list === 'orderedList')) format = { block: after.list };
      else if (!after.list && after.type === 'heading' && (before.type !== 'heading' || before.level !== after.level)) format = { block: 'heading', level: after.level as 1 | 2 | 3 };
      else if (!after.list && after.type === 'paragraph' && (before.type !== 'paragraph' || before.list)) format = { block: 'paragraph' };
      if (!format) return null;
      // The whole text of the selected blocks is quoted: a block change concerns paragraphs.
      const start = $before.start();
      const end = state.doc.resolve(to).end();
      return end > start ? { from: start, to: end, format } : null;
    };

    const suggestFormat = (view: EditorView, change: { from: number; to: number; format: SuggestionFormat }) => {
      if (suggestionModeKey.getState(view.state)?.draft) send(view);
      const yBinding = binding(view.state);
      if (!yBinding || view.isDestroyed) return;
      const quote = view.state.doc.textBetween(change.from, change.to, PARAGRAPH_BREAK);
      const anchor = spanAnchor(yBinding, view.state.doc, change.from, change.to);
      if (quote && anchor) void options.onSuggest({ quote, replacement: quote, anchor, format: change.format });
    };

    let pluginView: EditorView | null = null;

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
        // While suggesting, only the other co-editors' changes (through Yjs) reach the body; a
        // formatting change of one's own becomes a format suggestion instead.
        filterTransaction: (tr, state) => {
          if (!tr.docChanged || !suggestionModeKey.getState(state)?.enabled) return true;
          if (tr.getMeta(ySyncPluginKey) !== undefined) return true;
          const change = formatOf(tr, state);
          const view = pluginView;
          if (change && view) queueMicrotask(() => suggestFormat(view, change));
          return false;
        },
        view: (editorView) => {
          pluginView = editorView;
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
            destroy: () => {
              clearTimeout(timer);
              pluginView = null;
            },
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
            // Pasted paragraphs stay paragraphs ("\n\n"); a line break inside one becomes a space.
            const text = slice.content.textBetween(0, slice.content.size, PARAGRAPH_BREAK).replace(/\r/g, '').replace(/\n{3,}/g, PARAGRAPH_BREAK).replace(/(?<!\n)\n(?!\n)/g, ' ');
            return typeText(view, from, to, text);
          },
          handleDrop: (view) => Boolean(suggestionModeKey.getState(view.state)?.enabled),
          handleKeyDown: (view, event) => {
            if (!suggestionModeKey.getState(view.state)?.enabled) return false;
            if (event.key === 'Backspace' || event.key === 'Delete') return erase(view, event.key === 'Delete');
            if (event.key === 'Enter') return event.shiftKey ? true : breakParagraph(view);
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
