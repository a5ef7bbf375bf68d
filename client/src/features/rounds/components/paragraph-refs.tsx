import { useTranslation } from 'react-i18next';
import type { Paragraph } from '../api/get-round';

/** "§ 2, § 4": the paragraphs a position points at, numbered as the frozen text shows them. */
export function ParagraphRefs({ ids, paragraphs }: { ids: readonly string[]; paragraphs: readonly Paragraph[] }) {
  const { t } = useTranslation();
  if (ids.length === 0) return <span>{t('rounds.paragraphs.wholeText')}</span>;
  const numbers = ids
    .map((id) => paragraphs.findIndex((paragraph) => paragraph.id === id) + 1)
    .filter((number) => number > 0)
    .sort((a, b) => a - b);
  return (
    <span>
      {numbers.map((number, index) => (
        <span key={number}>
          {index > 0 ? ', ' : null}
          <a href={`#paragraphe-${number}`}>{t('rounds.paragraphs.number', { number })}</a>
        </span>
      ))}
    </span>
  );
}
