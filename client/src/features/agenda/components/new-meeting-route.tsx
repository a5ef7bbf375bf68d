import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Page } from '../../../components/layout/page';
import { useCurrentUser } from '../../../lib/session/current-user';
import { useCreateMeeting } from '../api/meetings';
import { newMeetingValues } from '../lib/meeting-form-values';
import { MeetingForm } from './meeting-form';
import '../agenda.css';

/** Schedules a meeting (the same form edits it afterwards: EditMeetingRoute). */
export function NewMeetingRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const create = useCreateMeeting();
  const [initial] = useState(() => newMeetingValues(user.id));

  return (
    <Page titleId="new-meeting-title" title={t('agenda.form.title')} className="page--narrow">
      <p className="breadcrumb">
        <Link to="/agenda">{t('agenda.meeting.back')}</Link>
      </p>
      <MeetingForm
        initial={initial}
        submitLabel={t('agenda.form.submit')}
        pendingLabel={t('agenda.form.pending')}
        pending={create.isPending}
        error={create.error}
        onSubmit={(input) => create.mutate(input, { onSuccess: (meeting) => void navigate(`/agenda/${meeting.id}`) })}
        onCancel={() => void navigate('/agenda')}
      />
    </Page>
  );
}
