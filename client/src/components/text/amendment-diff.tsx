import { useTranslation } from 'react-i18next';
import { amendmentChanges } from '@coupole/shared';
import { BlockDiff, type DiffMarkers } from './block-diff';

/** An amendment as a diff of the paragraphs it replaces (its words marked), never as Markdown. */
export function AmendmentDiff({ replaced, amendment }: { replaced: readonly string[]; amendment: string }) {
  const { t } = useTranslation();
  const markers: DiffMarkers = {
    insertStart: t('rounds.diff.insertStart'),
    insertEnd: t('rounds.diff.insertEnd'),
    deleteStart: t('rounds.diff.deleteStart'),
    deleteEnd: t('rounds.diff.deleteEnd'),
  };
  return (
    <div className="position__amendment-diff">
      {amendmentChanges(replaced, amendment).map((change, index) => (
        <BlockDiff key={index} change={change} markers={markers} />
      ))}
    </div>
  );
}
