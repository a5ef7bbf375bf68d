import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { editorExtensions, YDOC_FRAGMENT, type CommentAnchorDto } from '@coupole/shared';
import { useCollabSession, type CollabSession } from '../hooks/use-collab-session';
import { anchorFromSelection, type YBinding } from '../lib/comment-anchors';
import { CommentHighlights, setCommentHighlights, type CommentHighlight } from '../lib/comment-highlights';
import type { AwarenessUser } from '../lib/presence';
import { setSuggestionMode, SuggestionMode, type SuggestionDraftInput, type SuggestionMark } from '../lib/suggestion-mode';
import type { ProviderState } from '../lib/socket-io-yjs-provider';
import { ConnectionStatus } from './connection-status';
import { EditorToolbar } from './editor-toolbar';
import { PresenceList, usePresentUsers } from './presence-list';
import '../editor.css';

export interface DocumentEditorProps {
  documentId: string;
  user: AwarenessUser;
  /** The user may change the body (role and document status allow it). */
  canEdit: boolean;
  /** Why the body is read-only, shown above it; null when it is editable. */
  readOnlyReason: string | null;
  canComment: boolean;
  highlights: CommentHighlight[];
  activeCommentId: string | null;
  onComment: (anchor: CommentAnchorDto) => void;
  onSelectComment: (commentId: string) => void;
  /** Open suggestions, drawn in the text as tracked changes. */
  suggestionMarks: SuggestionMark[];
  /** The user may suggest (whoever may edit): shows the *Modifier / Suggérer* switch. */
  canSuggest: boolean;
  onSuggest: (input: SuggestionDraftInput) => Promise<unknown>;
}

export function DocumentEditor(props: DocumentEditorProps) {
  const { t } = useTranslation();
  const { session, state, hasSynced } = useCollabSession(props.documentId);

  if (state.refusal && !hasSynced) {
    return (
      <div className="alert alert--error" role="alert">
        <p>{t('editor.refused')}</p>
      </div>
    );
  }
  if (!session) return null;
  return <SessionEditor key={session.doc.guid} session={session} state={state} hasSynced={hasSynced} {...props} />;
}

function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  const colour = typeof user.color === 'string' ? user.color : '#4d5968';
  caret.style.borderColor = colour;
  const label = document.createElement('span');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = colour;
  label.textContent = [user.name, user.federationName].filter(Boolean).join(' · ');
  caret.append(label);
  return caret;
}

function SessionEditor({
  session,
  state,
  hasSynced,
  user,
  canEdit,
  readOnlyReason,
  canComment,
  highlights,
  activeCommentId,
  onComment,
  onSelectComment,
  suggestionMarks,
  canSuggest,
  onSuggest,
}: DocumentEditorProps & { session: CollabSession; state: ProviderState; hasSynced: boolean }) {
  const { t } = useTranslation();
  const onSelectRef = useRef(onSelectComment);
  onSelectRef.current = onSelectComment;
  const onSuggestRef = useRef(onSuggest);
  onSuggestRef.current = onSuggest;
  const [mode, setMode] = useState<'edit' | 'suggest'>('edit');
  const extensions = useMemo(
    () => [
      ...editorExtensions(),
      Collaboration.configure({ document: session.doc, field: YDOC_FRAGMENT }),
      CollaborationCaret.configure({ provider: session.provider, user, render: renderCaret }),
      CommentHighlights.configure({ onSelect: (id) => onSelectRef.current(id) }),
      SuggestionMode.configure({
        onSuggest: (input) => onSuggestRef.current(input),
        draftColour: user.color,
        draftLabel: [user.name, user.federationName].filter(Boolean).join(' · '),
      }),
    ],
    // The awareness user is updated below without rebuilding the editor.
    [session],
  );
  const editor = useEditor(
    {
      extensions,
      // Nothing may be typed before the server's text has arrived: an edit made on an empty
      // replica would sit beside the real body instead of inside it.
      editable: false,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          class: 'editor__content prose',
          'aria-label': t('editor.bodyLabel'),
          'aria-multiline': 'true',
          role: 'textbox',
        },
      },
    },
    [extensions],
  );
  const editable = canEdit && state.canEdit && hasSynced && !state.refusal;
  const users = usePresentUsers(session.provider.awareness, user.userId);

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
    if (editor) editor.view.dom.setAttribute('aria-readonly', String(!editable));
  }, [editor, editable]);

  useEffect(() => {
    session.provider.awareness.setLocalStateField('user', user);
  }, [session, user]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(setCommentHighlights(editor.state.tr, { highlights, activeId: activeCommentId }));
  }, [editor, highlights, activeCommentId]);

  const suggesting = canSuggest && mode === 'suggest';
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(setSuggestionMode(editor.state.tr, { enabled: suggesting, marks: suggestionMarks }));
  }, [editor, suggesting, suggestionMarks]);

  function handleComment() {
    if (!editor) return;
    const { from, to, empty } = editor.state.selection;
    const binding = (ySyncPluginKey.getState(editor.state) as { binding?: YBinding } | undefined)?.binding;
    if (empty || !binding) return;
    onComment(anchorFromSelection(binding, editor.state.doc, { from, to }));
  }

  return (
    <div className="document-editor">
      <div className="document-editor__bar">
        <PresenceList users={users} />
        <ConnectionStatus state={state} readOnly={!canEdit} />
      </div>
      {canSuggest && canEdit ? (
        <div className="editor-mode" role="group" aria-label={t('editor.mode.label')}>
          <button type="button" className="editor-mode__option" aria-pressed={mode === 'edit'} onClick={() => setMode('edit')}>
            {t('editor.mode.edit')}
          </button>
          <button type="button" className="editor-mode__option" aria-pressed={mode === 'suggest'} onClick={() => setMode('suggest')}>
            {t('editor.mode.suggest')}
          </button>
          {suggesting ? <span className="editor-mode__hint">{t('editor.mode.suggestHint')}</span> : null}
        </div>
      ) : null}
      {readOnlyReason ? (
        <p className="notice notice--info document-editor__readonly">{readOnlyReason}</p>
      ) : null}
      {state.refusal && hasSynced ? (
        <p className="alert alert--error" role="alert">
          {t('editor.updateRefused')}
        </p>
      ) : null}
      {editor ? (
        <EditorToolbar editor={editor} editable={editable} onComment={canComment ? handleComment : undefined} />
      ) : null}
      <div className="document-editor__surface" aria-busy={!hasSynced}>
        {!hasSynced ? <p className="document-editor__loading">{t('editor.loading')}</p> : null}
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}
