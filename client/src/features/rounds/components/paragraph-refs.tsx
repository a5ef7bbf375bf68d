import { useTranslation } from 'react-i18next';
import { paragraphCitation, sortParagraphIds } from '@coupole/shared';
import type { ParagraphUnit } from '../api/get-round';

/** Where the round page shows a paragraph: `paragraphe-6` for § 6, `paragraphe-6-1` for § 6.1. */
export function paragraphAnchor(citation: string): string {
  return `paragraphe-${citation.replace('.', '-')}`;
}

/**
 * "§ 2, § 6.1": the paragraphs a position points at, numbered as the frozen text shows them (a
 * whole list, pointed at before items were addressable, links to its first item).
 */
export function ParagraphRefs({ ids, units }: { ids: readonly string[]; units: readonly ParagraphUnit[] }) {
  const { t } = useTranslation();
  if (ids.length === 0) return <span>{t('rounds.paragraphs.wholeText')}</span>;
  const cited = sortParagraphIds(ids).flatMap((id) => {
    const citation = paragraphCitation(id);
    const shown = units.find((unit) => unit.id === id) ?? units.find((unit) => unit.blockId === id);
    const target = shown ? paragraphCitation(shown.id) : null;
    return citation && target ? [{ id, citation, target }] : [];
  });
  return (
    <span>
      {cited.map(({ id, citation, target }, index) => (
        <span key={id}>
          {index > 0 ? ', ' : null}
          <a href={`#${paragraphAnchor(target)}`}>{t('rounds.paragraphs.number', { number: citation })}</a>
        </span>
      ))}
    </span>
  );
}
