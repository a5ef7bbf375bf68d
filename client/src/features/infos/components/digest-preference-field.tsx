import { useTranslation } from 'react-i18next';
import { DIGEST_FREQUENCIES, type DigestFrequency } from '@coupole/shared';
import { useDigestPreference, useSetDigestPreference } from '../api/digest-preference';

const FREQUENCY_KEYS = {
  none: 'infos.digest.none',
  daily: 'infos.digest.daily',
  weekly: 'infos.digest.weekly',
} as const satisfies Record<DigestFrequency, string>;

/** The member's e-mail digest of new infos, saved as soon as it changes. */
export function DigestPreferenceField() {
  const { t } = useTranslation();
  const preference = useDigestPreference();
  const set = useSetDigestPreference();
  return (
    <label className="info-digest">
      <span>{t('infos.digest.label')}</span>
      <select
        className="field__input"
        value={preference.data?.frequency ?? 'none'}
        disabled={!preference.data || set.isPending}
        onChange={(event) => set.mutate(event.target.value as DigestFrequency)}
      >
        {DIGEST_FREQUENCIES.map((frequency) => (
          <option key={frequency} value={frequency}>
            {t(FREQUENCY_KEYS[frequency])}
          </option>
        ))}
      </select>
    </label>
  );
}
