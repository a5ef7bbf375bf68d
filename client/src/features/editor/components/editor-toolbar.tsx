import { useEditorState, type Editor } from '@tiptap/react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isSafeLinkHref } from '@coupole/shared';
import { Dialog } from '../../../components/dialog/dialog';
import { FormActions } from '../../../components/form/form-actions';
import { TextField } from '../../../components/form/text-field';

interface EditorToolbarProps {
  editor: Editor;
  editable: boolean;
  /** Shown when the user may comment: anchors a comment on the current selection. */
  onComment?: () => void;
}

function ToolButton({
  label,
  pressed,
  disabled,
  onClick,
  children,
}: {
  label: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="tool-button"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      disabled={disabled}
      // Keep the selection in the editor while clicking.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

export function EditorToolbar({ editor, editable, onComment }: EditorToolbarProps) {
  const { t } = useTranslation();
  const [linkOpen, setLinkOpen] = useState(false);
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      h1: current.isActive('heading', { level: 1 }),
      h2: current.isActive('heading', { level: 2 }),
      h3: current.isActive('heading', { level: 3 }),
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      link: current.isActive('link'),
      blockquote: current.isActive('blockquote'),
      table: current.isActive('table'),
      hasSelection: !current.state.selection.empty,
    }),
  });
  const chain = () => editor.chain().focus();
  const off = !editable;

  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('editor.toolbar.label')}>
      {editable ? (
        <>
          <div className="editor-toolbar__group">
            <ToolButton label={t('editor.toolbar.heading1')} pressed={active.h1} disabled={off} onClick={() => chain().toggleHeading({ level: 1 }).run()}>
              {t('editor.toolbar.heading1Short')}
            </ToolButton>
            <ToolButton label={t('editor.toolbar.heading2')} pressed={active.h2} disabled={off} onClick={() => chain().toggleHeading({ level: 2 }).run()}>
              {t('editor.toolbar.heading2Short')}
            </ToolButton>
            <ToolButton label={t('editor.toolbar.heading3')} pressed={active.h3} disabled={off} onClick={() => chain().toggleHeading({ level: 3 }).run()}>
              {t('editor.toolbar.heading3Short')}
            </ToolButton>
          </div>
          <div className="editor-toolbar__group">
            <ToolButton label={t('editor.toolbar.bold')} pressed={active.bold} disabled={off} onClick={() => chain().toggleBold().run()}>
              <strong aria-hidden="true">{t('editor.toolbar.boldShort')}</strong>
            </ToolButton>
            <ToolButton label={t('editor.toolbar.italic')} pressed={active.italic} disabled={off} onClick={() => chain().toggleItalic().run()}>
              <em aria-hidden="true">{t('editor.toolbar.italicShort')}</em>
            </ToolButton>
            <ToolButton label={t('editor.toolbar.link')} pressed={active.link} disabled={off} onClick={() => setLinkOpen(true)}>
              <span aria-hidden="true">{t('editor.toolbar.linkShort')}</span>
            </ToolButton>
          </div>
          <div className="editor-toolbar__group">
            <ToolButton label={t('editor.toolbar.bulletList')} pressed={active.bulletList} disabled={off} onClick={() => chain().toggleBulletList().run()}>
              <span aria-hidden="true">•—</span>
            </ToolButton>
            <ToolButton label={t('editor.toolbar.orderedList')} pressed={active.orderedList} disabled={off} onClick={() => chain().toggleOrderedList().run()}>
              <span aria-hidden="true">1.—</span>
            </ToolButton>
            <ToolButton label={t('editor.toolbar.blockquote')} pressed={active.blockquote} disabled={off} onClick={() => chain().toggleBlockquote().run()}>
              <span aria-hidden="true">«»</span>
            </ToolButton>
          </div>
          <div className="editor-toolbar__group">
            <ToolButton label={t('editor.toolbar.insertTable')} disabled={off || active.table} onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}>
              <span aria-hidden="true">⊞</span>
            </ToolButton>
            <ToolButton label={t('editor.toolbar.addRow')} disabled={off || !active.table} onClick={() => chain().addRowAfter().run()}>
              <span aria-hidden="true">{t('editor.toolbar.addRowShort')}</span>
            </ToolButton>
            <ToolButton label={t('editor.toolbar.addColumn')} disabled={off || !active.table} onClick={() => chain().addColumnAfter().run()}>
              <span aria-hidden="true">{t('editor.toolbar.addColumnShort')}</span>
            </ToolButton>
            <ToolButton label={t('editor.toolbar.deleteRow')} disabled={off || !active.table} onClick={() => chain().deleteRow().run()}>
              <span aria-hidden="true">{t('editor.toolbar.deleteRowShort')}</span>
            </ToolButton>
            <ToolButton label={t('editor.toolbar.deleteColumn')} disabled={off || !active.table} onClick={() => chain().deleteColumn().run()}>
              <span aria-hidden="true">{t('editor.toolbar.deleteColumnShort')}</span>
            </ToolButton>
          </div>
        </>
      ) : null}
      {onComment ? (
        <div className="editor-toolbar__group editor-toolbar__group--end">
          <button
            type="button"
            className="button button--small button--secondary"
            disabled={!active.hasSelection}
            onMouseDown={(event) => event.preventDefault()}
            onClick={onComment}
          >
            {t('editor.toolbar.comment')}
          </button>
        </div>
      ) : null}
      {linkOpen ? (
        <LinkDialog
          initial={(editor.getAttributes('link').href as string | undefined) ?? ''}
          onClose={() => setLinkOpen(false)}
          onSubmit={(href) => {
            if (href === '') chain().extendMarkRange('link').unsetLink().run();
            else chain().extendMarkRange('link').setLink({ href }).run();
            setLinkOpen(false);
          }}
        />
      ) : null}
    </div>
  );
}

function LinkDialog({
  initial,
  onClose,
  onSubmit,
}: {
  initial: string;
  onClose: () => void;
  onSubmit: (href: string) => void;
}) {
  const { t } = useTranslation();
  const [href, setHref] = useState(initial);
  const [error, setError] = useState<string | undefined>();

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const value = href.trim();
    const withScheme = value === '' || /^[a-z][a-z0-9+.-]*:|^#/i.test(value) ? value : `https://${value}`;
    if (withScheme !== '' && !isSafeLinkHref(withScheme)) {
      setError(t('editor.link.invalid'));
      return;
    }
    onSubmit(withScheme);
  }

  return (
    <Dialog title={t('editor.link.title')} onClose={onClose} size="narrow">
      <form className="form" onSubmit={handleSubmit} noValidate>
        <TextField
          label={t('editor.link.url')}
          hint={t('editor.link.hint')}
          value={href}
          onChange={(event) => setHref(event.target.value)}
          error={error}
          autoFocus
        />
        <FormActions submitLabel={t('editor.link.apply')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
