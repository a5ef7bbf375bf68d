import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { canInviteObservers } from '@coupole/shared';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import type { DocumentDetail } from '../../../lib/api/document';
import { useCurrentUser } from '../../../lib/session/current-user';
import { useObserverCandidates } from '../api/get-observer-candidates';
import { useUpdateDocument } from '../api/update-document';
import { CardSection } from '../../../components/layout/card-section';
import '../documents.css';

/**
 * The partners invited to read and comment this document. The secretariat and the document's
 * author invite and remove them; a removal closes the observer's open pages of it at once.
 */
export function DocumentObservers({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canInvite = canInviteObservers(user, { createdById: document.createdBy.id });
  const candidates = useObserverCandidates(canInvite);
  const update = useUpdateDocument(document.id);
  const [chosen, setChosen] = useState('');
  const invitedIds = document.observers.map((observer) => observer.id);
  const invitable = (candidates.data?.items ?? []).filter((candidate) => !invitedIds.includes(candidate.id));

  function invite(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    update.mutate({ observerIds: [...invitedIds, chosen] }, { onSuccess: () => setChosen('') });
  }

  return (
    <CardSection titleId="document-observers-title" title={t('documents.observers.title')} intro={t('documents.observers.intro')} className="document-observers">
      {document.observers.length === 0 ? (
        <p>{t('documents.observers.none')}</p>
      ) : (
        <ul className="document-observers__list">
          {document.observers.map((observer) => (
            <li key={observer.id}>
              <span>{observer.displayName}</span>
              {canInvite ? (
                <button
                  type="button"
                  className="button button--small button--danger-outline"
                  disabled={update.isPending}
                  aria-label={t('documents.observers.removeLabel', { name: observer.displayName })}
                  onClick={() => update.mutate({ observerIds: invitedIds.filter((id) => id !== observer.id) })}
                >
                  {t('documents.observers.remove')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canInvite ? (
        <form className="document-observers__invite" onSubmit={invite}>
          <label htmlFor="document-observers-choice">{t('documents.observers.choose')}</label>
          <select id="document-observers-choice" value={chosen} onChange={(event) => setChosen(event.target.value)}>
            <option value="">{invitable.length === 0 ? t('documents.observers.nobodyLeft') : t('documents.observers.placeholder')}</option>
            {invitable.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.displayName}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--small button--primary" disabled={!chosen || update.isPending}>
            {t('documents.observers.invite')}
          </button>
        </form>
      ) : null}
      {update.error ? <ErrorAlert error={update.error} /> : null}
      {candidates.error ? <ErrorAlert error={candidates.error} /> : null}
    </CardSection>
  );
}
