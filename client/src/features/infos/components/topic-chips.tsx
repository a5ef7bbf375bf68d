import { useTranslation } from 'react-i18next';
import { INFO_TOPICS, type InfoTopic } from '@coupole/shared';
import { TOPIC_KEYS } from '../../../lib/info-topics';

interface TopicChipsProps {
  selected: InfoTopic | undefined;
  onChange: (topic: InfoTopic | undefined) => void;
}

/** One topic at a time, as toggle buttons (pressing the selected one clears the filter). */
export function TopicChips({ selected, onChange }: TopicChipsProps) {
  const { t } = useTranslation();
  return (
    <div className="info-chips" role="group" aria-label={t('infos.filters.topics')}>
      <button type="button" className="info-chip" aria-pressed={selected === undefined} onClick={() => onChange(undefined)}>
        {t('infos.filters.allTopics')}
      </button>
      {INFO_TOPICS.map((topic) => (
        <button
          key={topic}
          type="button"
          className="info-chip"
          aria-pressed={selected === topic}
          onClick={() => onChange(selected === topic ? undefined : topic)}
        >
          {t(TOPIC_KEYS[topic])}
        </button>
      ))}
    </div>
  );
}

/** The topics of one info, as tags. */
export function TopicTags({ topics }: { topics: readonly InfoTopic[] }) {
  const { t } = useTranslation();
  return (
    <ul className="info-tags" aria-label={t('infos.topicsLabel')}>
      {topics.map((topic) => (
        <li key={topic} className="badge badge--off">
          {t(TOPIC_KEYS[topic])}
        </li>
      ))}
    </ul>
  );
}
