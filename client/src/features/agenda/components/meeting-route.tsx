import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeetingDto } from '@coupole/shared';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Page } from '../../../components/layout/page';
import { MarkdownBlock } from '../../../components/text/markdown-block';
import { TextAreaField } from '../../../components/form/text-area-field';
import { formatDate } from '../../../lib/dates';
import { useUpdateMeeting } from '../api/meetings';
import { MeetingActions } from './meeting-actions';
import { MeetingLoader } from './meeting-loader';
import { MeetingWhen } from './meeting-when';
import '../agenda.css';

export function MeetingRoute() {
  return <MeetingLoader>{(meeting) => <MeetingPage meeting={meeting} />}</MeetingLoader>;
}

function MeetingPage({ meeting }: { meeting: MeetingDto }) {
  const { t } = useTranslation();
  const update = useUpdateMeeting(meeting.id);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const cancelled = meeting.status === 'cancelled';

  return (
    <Page titleId="meeting-title" title={meeting.title} className="meeting-page">
      <p className="breadcrumb">
        <Link to="/agenda">{t('agenda.meeting.back')}</Link>
      </p>
      {meeting.permissions.edit ? (
        <p>
          <Link to={`/agenda/${meeting.id}/modifier`} className="button button--secondary">
            {t('agenda.meeting.edit')}
          </Link>
        </p>
      ) : null}
      {cancelled ? (
        <p className="notice notice--info" role="status">
          {t('agenda.meeting.cancelledNotice')}
        </p>
      ) : null}
      <dl className="meeting-page__facts">
        <dt>{t('agenda.form.kind')}</dt>
        <dd>
          <span className="tag-kind">{t(`agenda.kinds.${meeting.kind}`)}</span>
        </dd>
        <dt>{t('agenda.meeting.when')}</dt>
        <dd>
          <MeetingWhen meeting={meeting} />
        </dd>
        {meeting.place ? (
          <>
            <dt>{t('agenda.meeting.where')}</dt>
            <dd>{meeting.place}</dd>
          </>
        ) : null}
        {meeting.link ? (
          <>
            <dt>{t('agenda.form.link')}</dt>
            <dd>
              <a href={meeting.link} target="_blank" rel="noreferrer noopener">
                {t('agenda.meeting.link')}
              </a>
            </dd>
          </>
        ) : null}
        {meeting.body ? (
          <>
            <dt>{t('agenda.meeting.body')}</dt>
            <dd>{meeting.body.name}</dd>
          </>
        ) : null}
      </dl>
      <div className="meeting-page__grid">
        <div>
          <section className="meeting-section" aria-labelledby="meeting-agenda">
            <h2 id="meeting-agenda">{t('agenda.meeting.agenda')}</h2>
            {meeting.agenda.length === 0 ? (
              <p className="muted">{t('agenda.meeting.noAgenda')}</p>
            ) : (
              <ol className="agenda-items">
                {meeting.agenda.map((item, index) => (
                  <li key={index}>
                    {item.title}
                    {item.documentId ? (
                      <>
                        {' — '}
                        <Link to={`/documents/${item.documentId}`}>{t('agenda.meeting.document', { title: item.documentTitle ?? '' })}</Link>
                      </>
                    ) : null}
                    {item.roundId && item.documentId ? (
                      <>
                        {' · '}
                        <Link to={`/documents/${item.documentId}/tours/${item.roundId}`}>{t('agenda.meeting.round')}</Link>
                      </>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
          </section>
          <MinutesSection meeting={meeting} />
        </div>
        <div>
          <section className="meeting-section" aria-labelledby="meeting-attendees">
            <h2 id="meeting-attendees">{t('agenda.meeting.attendees')}</h2>
            {meeting.attendees.length === 0 ? (
              <p className="muted">{t('agenda.meeting.noAttendees')}</p>
            ) : (
              <ul>
                {meeting.attendees.map((person) => (
                  <li key={person.id}>
                    {person.displayName}
                    {person.federation ? ` (${person.federation.toUpperCase()})` : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <MeetingActions meeting={meeting} />
          {meeting.permissions.edit ? (
            <section className="meeting-section">
              {update.error ? <ErrorAlert error={update.error} /> : null}
              {cancelled ? (
                <button type="button" className="button button--secondary" onClick={() => update.mutate({ status: 'scheduled' })} disabled={update.isPending}>
                  {t('agenda.meeting.restore')}
                </button>
              ) : confirmCancel ? (
                <button type="button" className="button button--danger" onClick={() => update.mutate({ status: 'cancelled' })} disabled={update.isPending}>
                  {t('agenda.meeting.cancelConfirm')}
                </button>
              ) : (
                <button type="button" className="button button--danger-outline" onClick={() => setConfirmCancel(true)}>
                  {t('agenda.meeting.cancel')}
                </button>
              )}
            </section>
          ) : null}
        </div>
      </div>
    </Page>
  );
}

/**
 * Minutes in Markdown, written in a plain textarea and shown through the shared editor schema
 * (MarkdownBlock) — the same rendering as frozen versions. For a mandate meeting this is the
 * retour de mandat: its first publication notifies every federation.
 */
function MinutesSection({ meeting }: { meeting: MeetingDto }) {
  const { t } = useTranslation();
  const update = useUpdateMeeting(meeting.id);
  const [draft, setDraft] = useState(meeting.minutes);
  const [saved, setSaved] = useState(false);
  const isReport = meeting.kind === 'mandate';
  const heading = isReport ? t('agenda.meeting.report') : t('agenda.meeting.minutes');

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    update.mutate({ minutes: draft }, { onSuccess: () => setSaved(true) });
  }

  return (
    <section className="meeting-section" aria-labelledby="meeting-minutes">
      <h2 id="meeting-minutes">{heading}</h2>
      {meeting.reportedAt ? <p className="muted">{t('agenda.meeting.reportedAt', { date: formatDate(meeting.reportedAt) })}</p> : null}
      {meeting.permissions.edit ? (
        <form className="form" onSubmit={submit}>
          <TextAreaField
            label={t('agenda.meeting.minutesLabel')}
            hint={t('agenda.meeting.minutesHint')}
            value={draft}
            onChange={(event) => {
              setDraft(event.target.value);
              setSaved(false);
            }}
          />
          {isReport && !meeting.reportedAt ? <p className="field__hint">{t('agenda.meeting.reportHint')}</p> : null}
          {update.error ? <ErrorAlert error={update.error} /> : null}
          {saved ? (
            <p className="notice notice--success" role="status">
              {t('agenda.meeting.saved')}
            </p>
          ) : null}
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={update.isPending || draft === meeting.minutes}>
              {isReport && !meeting.reportedAt ? t('agenda.meeting.publishReport') : t('agenda.meeting.saveMinutes')}
            </button>
          </div>
          {draft.trim() ? (
            <div className="meeting-minutes__preview" aria-label={t('agenda.meeting.preview')}>
              <MarkdownBlock markdown={draft} />
            </div>
          ) : null}
        </form>
      ) : meeting.minutes.trim() ? (
        <MarkdownBlock markdown={meeting.minutes} />
      ) : (
        <p className="muted">{t('agenda.meeting.noMinutes')}</p>
      )}
    </section>
  );
}
