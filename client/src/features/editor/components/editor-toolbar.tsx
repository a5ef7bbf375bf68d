import { useEditorState, type Editor } from '@tiptap/react';
import {
  BetweenHorizontalEnd,
  BetweenVerticalEnd,
  Bold,
  Columns3,
  Heading1,
  Heading2,
  Heading3,
  Italic,
  Link,
  List,
  ListOrdered,
  MessageSquarePlus,
  Minus,
  Redo2,
  Rows3,
  Strikethrough,
  Table,
  TextQuote,
  Underline,
  Undo2,
} from 'lucide-react';
import { useState, type ComponentProps, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isSafeLinkHref } from '@coupole/shared';
import { Dialog } from '../../../components/dialog/dialog';
import { FormActions } from '../../../components/form/form-actions';
import { TextField } from '../../../components/form/text-field';
import { ToolButton as SharedToolButton } from '../../../components/toolbar/tool-button';

interface EditorToolbarProps {
  editor: Editor;
  editable: boolean;
  /** Shown when the user may comment: anchors a comment on the current selection. */
  onComment?: () => void;
}

/** The document editor's toolbar button. */
function ToolButton(props: Omit<ComponentProps<typeof SharedToolButton>, 'className'>) {
  return <SharedToolButton className="tool-button" {...props} />;
}

const ICON = { size: 18, strokeWidth: 2, 'aria-hidden': true } as const;

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
      underline: current.isActive('underline'),
      strike: current.isActive('strike'),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      link: current.isActive('link'),
      blockquote: current.isActive('blockquote'),
      table: current.isActive('table'),
      hasSelection: !current.state.selection.empty,
      // Yjs keeps the history (y-undo): only one's own changes are undone, never a colleague's.
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const off = !editable;

  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('editor.toolbar.label')}>
      {editable ? (
        <>
          <div className="editor-toolbar__group">
            <ToolButton label={t('editor.toolbar.undo')} shortcut="Ctrl+Z" disabled={off || !active.canUndo} onClick={() => chain().undo().run()}>
              <Undo2 {...ICON} />
            </ToolButton>
            <ToolButton label={t('editor.toolbar.redo')} shortcut="Ctrl+Maj+Z" disabled={off || !active.canRedo} onClick={() => chain().redo().run()}>
              <Redo2 {...ICON} />
            </ToolButton>
          </div>
          <div className="editor-toolbar__group">
            <ToolButton label={t('editor.toolbar.heading1')} shortcut="Ctrl+Alt+1" pressed={active.h1} disabled={off} onClick={() => chain().toggleHeading({ level: 1 }).run()}>
              <Heading1 {...ICON} />
            </ToolButton>
            <ToolButton label={t('editor.toolbar.heading2')} shortcut="Ctrl+Alt+2" pressed={active.h2} disabled={off} onClick={() => chain().toggleHeading({ level: 2 }).run()}>
              <Heading2 {...ICON} />
            </ToolButton>
            <ToolButton label={t('editor.toolbar.heading3')} shortcut="Ctrl+Alt+3" pressed={active.h3} disabled={off} onClick={() => chain().toggleHeading({ level: 3 }).run()}>
              <Heading3 {...ICON} />
            </ToolButton>
          </div>
          <div className="editor-toolbar__group">
            <ToolButton label={t('editor.toolbar.bold')} shortcut="Ctrl+B" pressed={active.bold} disabled={off} onClick={() => chain().toggleBold().run()}>
              <Bold {...ICON} />
            </ToolButton>
            <ToolButton label={t('editor.toolbar.italic')} shortcut="Ctrl+I" pressed={active.italic} disabled={off} onClick={() => chain().toggleItalic().run()}>
              <Italic {...ICON} />
            </ToolButton>
            <ToolButton label={t('editor.toolbar.underline')} shortcut="Ctrl+U" pressed={active.underline} disabled={off} onClick={() => chain().toggleUnderline().run()}>
              <Underline {...ICON} />
            </ToolButton>
            <ToolButton label={t('editor.toolbar.strike')} shortcut="Ctrl+Maj+S" pressed={active.strike} disabled={off} onClick={() => chain().toggleStrike().run()}>
              <Strikethrough {...ICON} />
            </ToolButton>
            <ToolButton label={t('editor.toolbar.link')} pressed={active.link} disabled={off} onClick={() => setLinkOpen(true)}>
              <Link {...ICON} />
            </ToolButton>
          </div>
          <div className="editor-toolbar__group">
            <ToolButton label={t('editor.toolbar.bulletList')} shortcut="Ctrl+Maj+8" pressed={active.bulletList} disabled={off} onClick={() => chain().toggleBulletList().run()}>
              <List {...ICON} />
            </ToolButton>
            <ToolButton label={t('editor.toolbar.orderedList')} shortcut="Ctrl+Maj+7" pressed={active.orderedList} disabled={off} onClick={() => chain().toggleOrderedList().run()}>
              <ListOrdered {...ICON} />
            </ToolButton>
            <ToolButton label={t('editor.toolbar.blockquote')} shortcut="Ctrl+Maj+B" pressed={active.blockquote} disabled={off} onClick={() => chain().toggleBlockquote().run()}>
              <TextQuote {...ICON} />
            </ToolButton>
          </div>
          <div className="editor-toolbar__group">
            <ToolButton label={t('editor.toolbar.insertTable')} disabled={off || active.table} onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}>
              <Table {...ICON} />
            </ToolButton>
            <ToolButton label={t('editor.toolbar.addRow')} disabled={off || !active.table} onClick={() => chain().addRowAfter().run()}>
              <BetweenHorizontalEnd {...ICON} />
            </ToolButton>
            <ToolButton label={t('editor.toolbar.addColumn')} disabled={off || !active.table} onClick={() => chain().addColumnAfter().run()}>
              <BetweenVerticalEnd {...ICON} />
            </ToolButton>
            <ToolButton label={t('editor.toolbar.deleteRow')} disabled={off || !active.table} onClick={() => chain().deleteRow().run()}>
              <Rows3 {...ICON} />
              <Minus className="tool-button__badge" size={12} strokeWidth={3} aria-hidden />
            </ToolButton>
            <ToolButton label={t('editor.toolbar.deleteColumn')} disabled={off || !active.table} onClick={() => chain().deleteColumn().run()}>
              <Columns3 {...ICON} />
              <Minus className="tool-button__badge" size={12} strokeWidth={3} aria-hidden />
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
            <MessageSquarePlus size={16} aria-hidden />
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
