import { useTranslation } from 'react-i18next';
import { useDocumentMeetings } from '../api/meetings';
import { MeetingList } from './meeting-list';
import '../agenda.css';

/** On a document's page: the meetings whose agenda discussed it. */
export function DocumentMeetings({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const meetings = useDocumentMeetings(documentId);
  return (
    <section className="meeting-section" aria-labelledby="document-meetings-title">
      <h2 id="document-meetings-title">{t('agenda.documentMeetings.title')}</h2>
      {meetings.data ? <MeetingList meetings={meetings.data.items} empty={t('agenda.documentMeetings.empty')} /> : null}
    </section>
  );
}
