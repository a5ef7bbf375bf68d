import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/dialog/dialog';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { SelectField, type SelectOption } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import { formatDate } from '../../../lib/dates';
import { useLive } from '../../../lib/live/use-live';
import { useCreateVersion } from '../api/create-version';
import { useDiff, type DiffSide } from '../api/get-diff';
import { documentKeys } from '../../../lib/api/query-keys';
import { useVersions, type VersionSummary } from '../api/get-versions';
import { useRestoreVersion } from '../api/restore-version';
import { defaultComparison, PICKER_LABEL_MAX, shortenAtWord, shortHash, sideToValue, valueToSide } from '../lib/versions';
import { DiffView } from './diff-view';
import { SubmitButton } from '../../../components/form/submit-button';
import '../versions.css';

interface VersionsPanelProps {
  documentId: string;
  /** Freeze and restore change the text: only for those who may edit it. */
  canEdit: boolean;
}

export function VersionsPanel({ documentId, canEdit }: VersionsPanelProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const versions = useVersions(documentId);
  const [from, setFrom] = useState<DiffSide | null>(null);
  const [to, setTo] = useState<DiffSide | null>('draft');
  const [restoring, setRestoring] = useState<VersionSummary | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: documentKeys.versions(documentId) });
  // The draft side of a comparison follows the text: every saved edit (anyone's) refetches it.
  const refreshDraftDiffs = () =>
    void queryClient.invalidateQueries({
      predicate: (query) => {
        const key = query.queryKey;
        const diffKey = documentKeys.diff(documentId, 'draft', 'draft');
        const prefix = diffKey.slice(0, -2);
        return prefix.every((part, index) => key[index] === part) && (key.at(-1) === 'draft' || key.at(-2) === 'draft');
      },
    });
  useLive(
    { 'version.created': refresh, 'document.edited': refreshDraftDiffs },
    {
      documentId,
      onResync: () => {
        refresh();
        refreshDraftDiffs();
      },
    },
  );

  const numbers = versions.data?.items.map((version) => version.number) ?? [];
  const latest = numbers.length > 0 ? Math.max(...numbers) : null;
  useEffect(() => {
    // Follow the newest version until the user picks something else.
    if (from === null && latest !== null) setFrom(defaultComparison(numbers).from);
  }, [latest]);

  if (versions.isPending) return <Loading />;
  if (versions.isError) return <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />;

  const items = [...versions.data.items].sort((a, b) => b.number - a.number);
  return (
    <div className="versions">
      {canEdit ? <FreezeForm documentId={documentId} /> : null}
      {items.length === 0 ? (
        <p className="muted">{t('versions.empty')}</p>
      ) : (
        <>
          <ol className="versions__list" aria-label={t('versions.listLabel')}>
            {items.map((version) => (
              <li key={version.number} className="version">
                <div className="version__main">
                  <p className="version__title">
                    <strong>{t('versions.number', { number: version.number })}</strong>
                    {version.label ? <span className="version__label">{version.label}</span> : null}
                  </p>
                  <p className="version__meta">
                    {version.author.displayName} · <time dateTime={version.createdAt}>{formatDate(version.createdAt)}</time>
                  </p>
                  <p className="version__hash">
                    {t('versions.hash')} <code title={version.contentHash}>{shortHash(version.contentHash)}</code>
                  </p>
                </div>
                {canEdit ? (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t('versions.restoreLabel', { number: version.number })}
                    onClick={() => setRestoring(version)}
                  >
                    {t('versions.restore')}
                  </button>
                ) : null}
              </li>
            ))}
          </ol>
          <Comparison
            documentId={documentId}
            versions={items}
            from={from}
            to={to}
            onChange={(nextFrom, nextTo) => {
              setFrom(nextFrom);
              setTo(nextTo);
            }}
          />
        </>
      )}
      {restoring ? (
        <RestoreDialog documentId={documentId} version={restoring} onClose={() => setRestoring(null)} />
      ) : null}
    </div>
  );
}

function FreezeForm({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  const create = useCreateVersion(documentId);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    create.mutate(label, { onSuccess: () => setLabel('') });
  }

  return (
    <form className="versions__freeze" onSubmit={handleSubmit} noValidate>
      <TextField
        label={t('versions.freezeLabel')}
        hint={t('versions.freezeHint')}
        value={label}
        maxLength={200}
        onChange={(event) => setLabel(event.target.value)}
      />
      <SubmitButton label={t('versions.freeze')} pendingLabel={t('versions.freezing')} pending={create.isPending} />
      {create.error ? <ErrorAlert error={create.error} /> : null}
      {create.data && !create.isPending ? (
        <p className="notice notice--success" role="status">
          {t('versions.frozen', { number: create.data.number, hash: shortHash(create.data.contentHash) })}
        </p>
      ) : null}
    </form>
  );
}

function Comparison({
  documentId,
  versions,
  from,
  to,
  onChange,
}: {
  documentId: string;
  versions: VersionSummary[];
  from: DiffSide | null;
  to: DiffSide | null;
  onChange: (from: DiffSide | null, to: DiffSide | null) => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const diff = useDiff(documentId, from, to);
  const options: SelectOption[] = versions.map((version) => ({
    value: sideToValue(version.number),
    label: version.label
      ? t('versions.optionLabelled', { number: version.number, label: shortenAtWord(version.label, PICKER_LABEL_MAX) })
      : t('versions.number', { number: version.number }),
    title: version.label ?? undefined,
  }));

  return (
    <section className="versions__compare" aria-labelledby={`${titleId}-title`}>
      <h3 id={`${titleId}-title`} className="versions__subtitle">
        {t('versions.compare')}
      </h3>
      <div className="versions__pickers">
        <SelectField
          label={t('versions.from')}
          options={options}
          value={from === null ? '' : sideToValue(from)}
          onChange={(event) => onChange(valueToSide(event.target.value), to)}
        />
        <SelectField
          label={t('versions.to')}
          options={[{ value: 'draft', label: t('versions.draft') }, ...options]}
          value={to === null ? '' : sideToValue(to)}
          onChange={(event) => onChange(from, valueToSide(event.target.value))}
        />
      </div>
      {from !== null && from === to ? <p className="muted">{t('versions.sameSide')}</p> : null}
      {diff.isFetching && !diff.data ? <Loading /> : null}
      {diff.isError ? <ErrorAlert error={diff.error} /> : null}
      {diff.data && from !== to ? <DiffView paragraphs={diff.data.paragraphs} /> : null}
    </section>
  );
}

function RestoreDialog({
  documentId,
  version,
  onClose,
}: {
  documentId: string;
  version: VersionSummary;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const restore = useRestoreVersion(documentId);
  return (
    <Dialog title={t('versions.restoreTitle', { number: version.number })} onClose={onClose} size="narrow">
      <p>{t('versions.restoreBody')}</p>
      {restore.error ? <ErrorAlert error={restore.error} /> : null}
      <div className="form__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={restore.isPending}
          onClick={() => restore.mutate(version.number, { onSuccess: onClose })}
        >
          {restore.isPending ? t('versions.restoring') : t('versions.restoreConfirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
