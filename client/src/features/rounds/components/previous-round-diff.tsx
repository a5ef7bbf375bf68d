import { useTranslation } from 'react-i18next';
import type { DiffPart, ParagraphChange } from '@coupole/shared';
import type { PreviousRoundDiff } from '../api/get-round';

function Parts({ parts }: { parts: DiffPart[] }) {
  const { t } = useTranslation();
  return (
    <>
      {parts.map((part, index) =>
        part.op === 'insert' ? (
          <ins key={index} className="round-diff__insert">
            <span className="visually-hidden">{t('rounds.diff.insertStart')}</span>
            {part.text}
            <span className="visually-hidden">{t('rounds.diff.insertEnd')}</span>
          </ins>
        ) : part.op === 'delete' ? (
          <del key={index} className="round-diff__delete">
            <span className="visually-hidden">{t('rounds.diff.deleteStart')}</span>
            {part.text}
            <span className="visually-hidden">{t('rounds.diff.deleteEnd')}</span>
          </del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

function Change({ change }: { change: ParagraphChange }) {
  switch (change.op) {
    case 'equal':
      return <p className="round-diff__block round-diff__block--equal">{change.to.markdown}</p>;
    case 'insert':
      return (
        <p className="round-diff__block">
          <Parts parts={[{ op: 'insert', text: change.to.markdown }]} />
        </p>
      );
    case 'delete':
      return (
        <p className="round-diff__block">
          <Parts parts={[{ op: 'delete', text: change.from.markdown }]} />
        </p>
      );
    case 'change':
      return (
        <p className="round-diff__block">
          <Parts parts={change.parts} />
        </p>
      );
  }
}

/** What changed since the previous round's version; unchanged blocks are muted. */
export function PreviousRoundDiff({ diff, version }: { diff: PreviousRoundDiff; version: number }) {
  const { t } = useTranslation();
  const changed = diff.paragraphs.filter((change) => change.op !== 'equal').length;
  return (
    <details className="round-diff">
      <summary>
        {t('rounds.diff.summary', { round: diff.roundNumber, from: diff.version, to: version })}{' '}
        <span className="muted">{changed === 0 ? t('rounds.diff.identical') : t('rounds.diff.changed', { count: changed })}</span>
      </summary>
      <div className="round-diff__body">
        {diff.paragraphs.map((change, index) => (
          <Change key={index} change={change} />
        ))}
      </div>
    </details>
  );
}
