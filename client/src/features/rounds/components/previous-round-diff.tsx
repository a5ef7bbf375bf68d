import { useTranslation } from 'react-i18next';
import { BlockDiff } from '../../../components/text/block-diff';
import type { PreviousRoundDiff } from '../api/get-round';

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
          <BlockDiff key={index} change={change} />
        ))}
      </div>
    </details>
  );
}
