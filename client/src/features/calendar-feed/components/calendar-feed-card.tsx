import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { formatDate } from '../../../lib/dates';
import { useCalendarFeed, useRenewCalendarFeed, useRevokeCalendarFeed } from '../api/calendar-feed';
import { CardSection } from '../../../components/layout/card-section';

/** The personal iCal address: make it, copy it, replace it or revoke it. */
export function CalendarFeedCard() {
  const { t } = useTranslation();
  const feed = useCalendarFeed();
  const renew = useRenewCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [copied, setCopied] = useState(false);
  const url = feed.data?.path ? `${window.location.origin}${feed.data.path}` : null;

  return (
    <CardSection titleId="calendar-feed-title" title={t('profile.calendar.title')}>
      <p>{t('profile.calendar.intro')}</p>
      {feed.isPending ? (
        <Loading />
      ) : feed.isError ? (
        <ErrorAlert error={feed.error} onRetry={() => void feed.refetch()} />
      ) : url ? (
        <>
          <div className="field">
            <label className="field__label" htmlFor="calendar-feed-url">
              {t('profile.calendar.url')}
            </label>
            <input id="calendar-feed-url" className="field__input" readOnly value={url} onFocus={(event) => event.target.select()} />
            {feed.data.createdAt ? <p className="field__hint">{t('profile.calendar.createdAt', { date: formatDate(feed.data.createdAt) })}</p> : null}
          </div>
          <div className="form__actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true))}
            >
              {t('profile.calendar.copy')}
            </button>
            <button type="button" className="button button--secondary" disabled={renew.isPending} onClick={() => renew.mutate()}>
              {t('profile.calendar.renew')}
            </button>
            <button type="button" className="button button--danger-outline" disabled={revoke.isPending} onClick={() => revoke.mutate()}>
              {t('profile.calendar.revoke')}
            </button>
          </div>
          <p className="field__hint">{t('profile.calendar.revokeHint')}</p>
          {copied ? (
            <p className="notice notice--success" role="status">
              {t('profile.calendar.copied')}
            </p>
          ) : null}
        </>
      ) : (
        <>
          <p className="muted">{t('profile.calendar.none')}</p>
          <button type="button" className="button button--primary" disabled={renew.isPending} onClick={() => renew.mutate()}>
            {t('profile.calendar.create')}
          </button>
        </>
      )}
      {renew.error ? <ErrorAlert error={renew.error} /> : null}
      {revoke.error ? <ErrorAlert error={revoke.error} /> : null}
    </CardSection>
  );
}
