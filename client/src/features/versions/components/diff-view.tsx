import { useTranslation } from 'react-i18next';
import type { ParagraphChange } from '@coupole/shared';
import { BlockDiff, type DiffMarkers } from '../../../components/text/block-diff';

/** The comparison in place, block by block and formatted; unchanged blocks are kept for context but muted. */
export function DiffView({ paragraphs }: { paragraphs: ParagraphChange[] }) {
  const { t } = useTranslation();
  const changed = paragraphs.filter((change) => change.op !== 'equal').length;
  const markers: DiffMarkers = {
    insertStart: t('versions.diff.insertStart'),
    insertEnd: t('versions.diff.insertEnd'),
    deleteStart: t('versions.diff.deleteStart'),
    deleteEnd: t('versions.diff.deleteEnd'),
  };
  return (
    <div className="diff">
      <p className="diff__summary" role="status">
        {changed === 0 ? t('versions.diff.identical') : t('versions.diff.summary', { count: changed })}
      </p>
      <div className="diff__body">
        {paragraphs.map((change, index) => (
          <BlockDiff key={index} change={change} markers={markers} />
        ))}
      </div>
    </div>
  );
}
