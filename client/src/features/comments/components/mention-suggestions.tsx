import { useTranslation } from 'react-i18next';
import { FEDERATION_SHORT_NAMES, type FederationSlug } from '@coupole/shared';
import type { Mentionable } from '../api/get-mentionable';

interface MentionSuggestionsProps {
  id: string;
  items: readonly Mentionable[];
  activeIndex: number;
  onPick: (item: Mentionable) => void;
  onHover: (index: number) => void;
}

export const mentionOptionId = (listId: string, index: number) => `${listId}-option-${index}`;

/** The @ list under the comment field: options are chosen with the arrows and Enter, or a click. */
export function MentionSuggestions({ id, items, activeIndex, onPick, onHover }: MentionSuggestionsProps) {
  const { t } = useTranslation();
  return (
    <ul id={id} role="listbox" className="mention-list" aria-label={t('comments.mentions.listLabel')}>
      {items.map((item, index) => (
        <li
          key={`${item.kind}-${item.id}`}
          id={mentionOptionId(id, index)}
          role="option"
          aria-selected={index === activeIndex}
          className={index === activeIndex ? 'mention-list__option is-active' : 'mention-list__option'}
          // Keeps the focus in the text field while the mouse picks.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onPick(item)}
          onMouseEnter={() => onHover(index)}
        >
          <span className="mention-list__name">{item.displayName}</span>
          <span className="mention-list__detail">
            {item.kind === 'federation'
              ? t('comments.mentions.federation')
              : [item.federation ? FEDERATION_SHORT_NAMES[item.federation as FederationSlug] : null, item.role ? t(`roles.${item.role}`) : null]
                  .filter(Boolean)
                  .join(' · ')}
          </span>
        </li>
      ))}
    </ul>
  );
}
