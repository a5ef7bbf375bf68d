import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { MeetingDto } from '@coupole/shared';
import { Page } from '../../../components/layout/page';
import { useUpdateMeeting } from '../api/meetings';
import { meetingFormValues } from '../lib/meeting-form-values';
import { MeetingForm } from './meeting-form';
import { MeetingLoader } from './meeting-loader';
import '../agenda.css';

/** Edits a meeting's details with the scheduling form; the same rules apply (the server checks them again). */
export function EditMeetingRoute() {
  return <MeetingLoader>{(meeting) => <EditMeeting meeting={meeting} />}</MeetingLoader>;
}

function EditMeeting({ meeting }: { meeting: MeetingDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateMeeting(meeting.id);
  const back = `/agenda/${meeting.id}`;

  return (
    <Page titleId="edit-meeting-title" title={t('agenda.form.editTitle', { title: meeting.title })} className="page--narrow">
      <p className="breadcrumb">
        <Link to={back}>{t('agenda.form.backToMeeting')}</Link>
      </p>
      {meeting.permissions.edit ? (
        <MeetingForm
          initial={meetingFormValues(meeting)}
          submitLabel={t('agenda.form.save')}
          pendingLabel={t('agenda.form.saving')}
          pending={update.isPending}
          error={update.error}
          onSubmit={(input) => update.mutate(input, { onSuccess: () => void navigate(back) })}
          onCancel={() => void navigate(back)}
        />
      ) : (
        <p className="notice notice--info">{t('agenda.form.cannotEdit')}</p>
      )}
    </Page>
  );
}
