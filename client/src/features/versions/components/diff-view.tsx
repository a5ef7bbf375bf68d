import { useTranslation } from 'react-i18next';
import type { DiffPart, ParagraphChange } from '@coupole/shared';

function Inserted({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <ins className="diff__insert">
      <span className="visually-hidden">{t('versions.diff.insertStart')}</span>
      {text}
      <span className="visually-hidden">{t('versions.diff.insertEnd')}</span>
    </ins>
  );
}

function Deleted({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <del className="diff__delete">
      <span className="visually-hidden">{t('versions.diff.deleteStart')}</span>
      {text}
      <span className="visually-hidden">{t('versions.diff.deleteEnd')}</span>
    </del>
  );
}

function Parts({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.op === 'insert' ? (
          <Inserted key={index} text={part.text} />
        ) : part.op === 'delete' ? (
          <Deleted key={index} text={part.text} />
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

/** The comparison in place, block by block; unchanged blocks are kept for context but muted. */
export function DiffView({ paragraphs }: { paragraphs: ParagraphChange[] }) {
  const { t } = useTranslation();
  const changed = paragraphs.filter((change) => change.op !== 'equal').length;
  return (
    <div className="diff">
      <p className="diff__summary" role="status">
        {changed === 0 ? t('versions.diff.identical') : t('versions.diff.summary', { count: changed })}
      </p>
      <div className="diff__body">
        {paragraphs.map((change, index) => {
          switch (change.op) {
            case 'equal':
              return (
                <p key={index} className="diff__block diff__block--equal">
                  {change.to.markdown}
                </p>
              );
            case 'insert':
              return (
                <p key={index} className="diff__block diff__block--insert">
                  <Inserted text={change.to.markdown} />
                </p>
              );
            case 'delete':
              return (
                <p key={index} className="diff__block diff__block--delete">
                  <Deleted text={change.from.markdown} />
                </p>
              );
            default:
              return (
                <p key={index} className="diff__block diff__block--change">
                  <Parts parts={change.parts} />
                </p>
              );
          }
        })}
      </div>
    </div>
  );
}
