import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { AmendmentDiff } from '../../../components/text/amendment-diff';
import { useApplyReservationAmendment } from '../api/objections';
import { useFederationNames } from '../hooks/use-federation-names';
import { replacedUnits } from '../lib/replaced-units';
import { Author } from './federation-cards';
import { ParagraphRefs } from './paragraph-refs';
import type { RoundDetail, RoundReservation } from '../api/get-round';

/** Catalogue keys of a reservation's states, written out so the catalogue check finds them. */
const STATE_KEYS = {
  open: 'rounds.reservations.states.open',
  integrated: 'rounds.reservations.states.integrated',
  withdrawn: 'rounds.reservations.states.withdrawn',
} as const satisfies Record<RoundReservation['state'], string>;

interface ReservationsListProps {
  round: RoundDetail;
  /** Applying an amendment edits the draft: only for those who may edit a document in drafting. */
  canApplyAmendments: boolean;
  /** Reservations to leave out (e.g. on the document page, only the open ones). */
  filter?: (reservation: RoundReservation) => boolean;
}

/**
 * The reservations of a round that propose an amendment: each as a word diff of the paragraphs
 * it rewrites, labelled as a reservation (it never blocks), with "accept into the draft" for the
 * drafters once the round sent the text back to drafting.
 */
export function ReservationsList({ round, canApplyAmendments, filter = () => true }: ReservationsListProps) {
  const { t } = useTranslation();
  const federationName = useFederationNames();
  const apply = useApplyReservationAmendment(round.documentId, round.id);
  const [applied, setApplied] = useState(false);
  const reservations = round.reservations.filter((reservation) => reservation.amendment && filter(reservation));

  if (reservations.length === 0) return <p className="muted">{t('rounds.reservations.empty')}</p>;
  return (
    <>
      {apply.error ? <ErrorAlert error={apply.error} /> : null}
      {applied ? (
        <p className="notice notice--success" role="status">
          {t('rounds.reservations.applied')}
        </p>
      ) : null}
      <ul className="objections">
        {reservations.map((reservation) => (
          <li key={reservation.id} className={`objection objection--reservation objection--${reservation.state}`}>
            <p className="objection__head">
              <strong>{federationName(reservation.federation).name}</strong>
              <span className="objection__kind">{t('rounds.reservations.kind')}</span>
              <span className={`objection__state objection__state--${reservation.state}`}>
                {reservation.state === 'integrated' && reservation.integratedInVersion
                  ? t('rounds.reservations.integratedIn', { version: reservation.integratedInVersion })
                  : t(STATE_KEYS[reservation.state])}
              </span>
            </p>
            {reservation.reason ? <blockquote className="position__reason">{reservation.reason}</blockquote> : null}
            <p className="position__paragraphs">
              {t('rounds.cards.about')} <ParagraphRefs ids={reservation.paragraphs} units={round.units} />
            </p>
            <div className="position__amendment">
              <p className="position__amendment-title">{t('rounds.cards.reservationAmendment')}</p>
              <AmendmentDiff replaced={replacedUnits(reservation.paragraphs, round.units, round.paragraphs)} amendment={reservation.amendment ?? ''} />
            </div>
            {reservation.state === 'open' && reservation.amendmentAccepted ? (
              <p className="objection__accepted" role="note">
                {t('rounds.reservations.accepted')}
              </p>
            ) : null}
            <p className="position__meta">
              <Author author={reservation.raisedBy} at={reservation.raisedAt} />
            </p>
            {canApplyAmendments && reservation.state === 'open' && !reservation.amendmentAccepted ? (
              <div className="objection__actions">
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={apply.isPending}
                  onClick={() => apply.mutate(reservation.id, { onSuccess: () => setApplied(true) })}
                >
                  {t('rounds.objections.apply')}
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
