import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/dialog/dialog';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { TextField } from '../../../components/form/text-field';
import { useImportIlis, type IliImportResult } from '../api/import-ilis';
import '../ilis.css';

const ACTION_KEYS = { create: 'ilis.import.actionCreate', update: 'ilis.import.actionUpdate', error: 'ilis.import.actionError' } as const;

/**
 * Two steps: the file is checked first (dry run, nothing written) and its rows and errors shown;
 * only a file without errors can then be imported.
 */
export function ImportWizard({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<IliImportResult | null>(null);
  const [done, setDone] = useState<IliImportResult | null>(null);
  const mutation = useImportIlis();

  const check = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setPreview(null);
    mutation.mutate({ file, dryRun: true }, { onSuccess: setPreview });
  };
  const confirm = () => {
    if (!file) return;
    mutation.mutate({ file, dryRun: false }, { onSuccess: setDone });
  };
  const errorsByRow = new Map(preview?.errors.map((error) => [error.row, error.message]));

  return (
    <Dialog title={t('ilis.import.title')} onClose={onClose}>
      {done ? (
        <>
          <p role="status" className="alert ilis-alert--ok">
            {t('ilis.import.done', { created: done.created, updated: done.updated })}
          </p>
          <div className="form__actions">
            <button type="button" className="button button--primary" onClick={onClose}>
              {t('ilis.import.close')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{t('ilis.import.help')}</p>
          <form onSubmit={check} className="ilis-import__form">
            <TextField
              label={t('ilis.import.file')}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setPreview(null);
              }}
            />
            <button type="submit" className="button button--secondary" disabled={!file || mutation.isPending}>
              {t('ilis.import.check')}
            </button>
          </form>
          {mutation.isError ? <ErrorAlert error={mutation.error} /> : null}
          {preview ? (
            <>
              <p role="status" className={preview.errors.length ? 'alert alert--error' : 'alert ilis-alert--ok'}>
                {preview.errors.length
                  ? t('ilis.import.summaryErrors', { count: preview.errors.length })
                  : t('ilis.import.summary', { created: preview.created, updated: preview.updated })}
              </p>
              <div className="table-scroll ilis-import__preview">
                <table className="data-table">
                  <caption className="visually-hidden">{t('ilis.import.previewCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('ilis.import.line')}</th>
                      <th scope="col">{t('ilis.fields.name')}</th>
                      <th scope="col">{t('ilis.fields.commune')}</th>
                      <th scope="col">{t('ilis.import.result')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.rows.map((row) => (
                      <tr key={row.row} className={row.action === 'error' ? 'ilis-import__error' : undefined}>
                        <td>{row.row}</td>
                        <td>{row.name}</td>
                        <td>
                          {row.postalCode} {row.commune}
                        </td>
                        <td>{row.action === 'error' ? `${t(ACTION_KEYS.error)} : ${errorsByRow.get(row.row) ?? ''}` : t(ACTION_KEYS[row.action])}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
          <div className="form__actions">
            <button type="button" className="button button--primary" disabled={!preview || preview.errors.length > 0 || mutation.isPending} onClick={confirm}>
              {t('ilis.import.confirm', { count: (preview?.created ?? 0) + (preview?.updated ?? 0) })}
            </button>
            <button type="button" className="button button--secondary" onClick={onClose}>
              {t('ilis.import.cancel')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
