import { useTranslation } from 'react-i18next';
import type { ParagraphChange } from '@coupole/shared';
import { BlockDiff } from '../../../components/text/block-diff';

/** The comparison in place, block by block and formatted; unchanged blocks are kept for context but muted. */
export function DiffView({ paragraphs }: { paragraphs: ParagraphChange[] }) {
  const { t } = useTranslation();
  const changed = paragraphs.filter((change) => change.op !== 'equal').length;
  return (
    <div className="diff">
      <p className="diff__summary" role="status">
        {changed === 0 ? t('versions.diff.identical') : t('versions.diff.summary', { count: changed })}
      </p>
      <div className="diff__body">
        {paragraphs.map((change, index) => (
          <BlockDiff key={index} change={change} />
        ))}
      </div>
    </div>
  );
}
