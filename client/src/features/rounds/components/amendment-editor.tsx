import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { Bold, Italic, List, ListOrdered } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { editorExtensions, jsonToMarkdown, markdownToJSON } from '@coupole/shared';
import { AmendmentDiff } from '../../../components/text/amendment-diff';
import { ToolButton } from '../../../components/toolbar/tool-button';

interface AmendmentEditorProps {
  /** Labels the text box (the field's label element). */
  labelId: string;
  describedBy?: string;
  /** The frozen version's Markdown of the paragraphs the objection concerns, in order. */
  replaced: readonly string[];
  /** The amendment as Markdown ('' until written). */
  value: string;
  disabled: boolean;
  onChange: (markdown: string) => void;
}

const ICON = { size: 16, strokeWidth: 2, 'aria-hidden': true } as const;

/**
 * An objection's amendment written as in the editor (the shared schema, rich text) on a copy of
 * the frozen version's paragraphs it concerns, pre-filled with their text; the word diff against
 * them is shown as it is written, so the federation sees what it sends.
 */
export function AmendmentEditor({ labelId, describedBy, replaced, value, disabled, onChange }: AmendmentEditorProps) {
  const { t } = useTranslation();
  const prefill = replaced.join('\n\n');
  // The text shown while the writer has not touched it: it follows the paragraphs ticked.
  const untouched = useRef(value === '' ? prefill : null);
  const editor = useEditor({
    extensions: editorExtensions(),
    content: markdownToJSON(value || prefill),
    editable: !disabled,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        class: 'amendment-editor__content prose',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      },
    },
    onUpdate: ({ editor: current }) => {
      untouched.current = null;
      onChange(jsonToMarkdown(current.getJSON()).trim());
    },
  });
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current?.isActive('bold') ?? false,
      italic: current?.isActive('italic') ?? false,
      bulletList: current?.isActive('bulletList') ?? false,
      orderedList: current?.isActive('orderedList') ?? false,
    }),
  });

  // Pre-filled: the amendment starts as the paragraphs' text (and follows the ticks until edited).
  useEffect(() => {
    if (!editor) return;
    if (value === '' || (untouched.current !== null && untouched.current !== prefill)) {
      untouched.current = prefill;
      editor.commands.setContent(markdownToJSON(prefill), { emitUpdate: false });
      onChange(prefill);
    }
  }, [editor, prefill]);

  useEffect(() => {
    if (editor && editor.isEditable === disabled) editor.setEditable(!disabled);
  }, [editor, disabled]);

  const chain = () => editor!.chain().focus();
  return (
    <div className="amendment-editor">
      <div className="amendment-editor__toolbar" role="toolbar" aria-label={t('editor.toolbar.label')}>
        <ToolButton className="amendment-editor__tool" label={t('editor.toolbar.bold')} pressed={active?.bold ?? false} disabled={disabled} onClick={() => chain().toggleBold().run()}>
          <Bold {...ICON} />
        </ToolButton>
        <ToolButton className="amendment-editor__tool" label={t('editor.toolbar.italic')} pressed={active?.italic ?? false} disabled={disabled} onClick={() => chain().toggleItalic().run()}>
          <Italic {...ICON} />
        </ToolButton>
        <ToolButton className="amendment-editor__tool" label={t('editor.toolbar.bulletList')} pressed={active?.bulletList ?? false} disabled={disabled} onClick={() => chain().toggleBulletList().run()}>
          <List {...ICON} />
        </ToolButton>
        <ToolButton className="amendment-editor__tool" label={t('editor.toolbar.orderedList')} pressed={active?.orderedList ?? false} disabled={disabled} onClick={() => chain().toggleOrderedList().run()}>
          <ListOrdered {...ICON} />
        </ToolButton>
      </div>
      <EditorContent editor={editor} />
      {!disabled && replaced.length > 0 ? (
        <div className="amendment-editor__preview">
          <p className="position__amendment-title">{t('rounds.position.amendmentPreview')}</p>
          {value.trim() === prefill.trim() ? (
            <p className="muted">{t('rounds.position.amendmentUnchanged')}</p>
          ) : (
            <AmendmentDiff replaced={replaced} amendment={value} />
          )}
        </div>
      ) : null}
    </div>
  );
}
