import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  CLOSE_CAUSE_INFO,
  OBJECTION_STATE_INFO,
  RULE_INFO,
  isAdoption,
  NO_ANSWER_CASE_INFO,
  noAnswerCase,
  outcomeDescription,
  paragraphCitation,
  paragraphUnits,
  paragraphNumber,
  sortParagraphIds,
  type FederationSlug,
} from '@coupole/shared';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { formatDate } from '../../../lib/dates';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useFederations } from '../../../lib/api/federations';
import { useDecision, type DecisionDetail, type Paragraph, type PositionAuthor } from '../api/get-decision';
import { OutcomeTag, StanceTag } from '../../../components/consensus/consensus-tags';
import { CardSection } from '../../../components/layout/card-section';
import '../decisions.css';
import { AmendmentDiff } from '../../../components/text/amendment-diff';
import { MarkdownBlock } from '../../../components/text/markdown-block';

const EXPORT_FORMATS = [
  { format: 'md', key: 'decisions.detail.exportMd' },
  { format: 'docx', key: 'decisions.detail.exportDocx' },
  { format: 'pdf', key: 'decisions.detail.exportPdf' },
] as const;

function useFederationName(): (slug: FederationSlug) => string {
  const federations = useFederations();
  return (slug) => federations.data?.items.find((federation) => federation.slug === slug)?.name ?? slug.toUpperCase();
}

function Author({ author, at }: { author: PositionAuthor; at: string }) {
  const { t } = useTranslation();
  return (
    <span className="record__author">
      {author.mandate
        ? t('decisions.detail.castByWithMandate', { name: author.displayName, mandate: t(`mandates.${author.mandate}`) })
        : t('decisions.detail.castBy', { name: author.displayName })}
      {' · '}
      <time dateTime={at}>{formatDate(at)}</time>
    </span>
  );
}

/** The § a decision's position or objection points at ("6", "6.1"), in text order. */
function paragraphCitations(ids: readonly string[], paragraphs: readonly Paragraph[]): string[] {
  const blocks = new Set(paragraphs.map((paragraph) => paragraph.id));
  // An item's or row's id names its block: it belongs to this text when that block does.
  const ofThisText = (id: string) => blocks.has(id) || paragraphs.some((paragraph) => paragraphNumber(paragraph.id) === paragraphNumber(id));
  return sortParagraphIds(ids.filter(ofThisText)).flatMap((id) => paragraphCitation(id) ?? []);
}

function Paragraphs({ ids, paragraphs }: { ids: readonly string[]; paragraphs: readonly Paragraph[] }) {
  const { t } = useTranslation();
  const citations = paragraphCitations(ids, paragraphs);
  if (citations.length === 0) return null;
  return (
    <p className="record__paragraphs">
      {t('decisions.detail.about')} {citations.map((number) => t('decisions.detail.paragraph', { number })).join(', ')}
    </p>
  );
}

/** The decided text's paragraphs (blocks, list items, table rows) an amendment replaces, in its order. */
function replacedBy(ids: readonly string[], paragraphs: readonly Paragraph[]): string[] {
  const units = [...paragraphUnits(paragraphs), ...paragraphs];
  return ids.flatMap((id) => units.find((unit) => unit.id === id)?.markdown ?? []);
}

/** A reservation's amendment (it never blocked), as a word diff of the paragraphs it rewrites. */
function ReservationAmendment({ amendment, ids, paragraphs }: { amendment: string | null; ids: readonly string[]; paragraphs: readonly Paragraph[] }) {
  const { t } = useTranslation();
  if (!amendment) return null;
  return (
    <div className="record__amendment">
      <p className="record__label">{t('decisions.detail.reservationAmendment')}</p>
      <AmendmentDiff replaced={replacedBy(ids, paragraphs)} amendment={amendment} />
    </div>
  );
}

export function DecisionRoute() {
  const { seq = '' } = useParams();
  const { t } = useTranslation();
  const number = Number(seq);
  const valid = Number.isSafeInteger(number) && number >= 1;
  const decision = useDecision(valid ? number : 0);
  useDocumentTitle(t('decisions.detail.documentTitle', { seq }));

  if (!valid) {
    return (
      <section className="page">
        <p className="alert alert--error" role="alert">
          {t('decisions.detail.badSeq')}
        </p>
        <p>
          <Link to="/decisions">{t('decisions.detail.back')}</Link>
        </p>
      </section>
    );
  }
  if (decision.isPending) return <Loading />;
  if (decision.isError) {
    return (
      <section className="page">
        <ErrorAlert error={decision.error} onRetry={() => void decision.refetch()} />
        <p>
          <Link to="/decisions">{t('decisions.detail.back')}</Link>
        </p>
      </section>
    );
  }
  return <DecisionPage decision={decision.data} />;
}

function DecisionPage({ decision }: { decision: DecisionDetail }) {
  const { t } = useTranslation();
  const federationName = useFederationName();
  const paragraphs = decision.text?.paragraphs ?? [];
  const positions = new Map(decision.positions.map((position) => [position.federation, position]));
  const noAnswer = noAnswerCase({ status: 'closed', rule: decision.rule, closeCause: decision.closeCause });

  return (
    <section className="page page--wide decision-page" aria-labelledby="decision-title">
      <p className="breadcrumb">
        <Link to="/decisions">{t('decisions.detail.back')}</Link>
      </p>
      <header className="decision-header">
        <p className="decision-header__kicker">{t('decisions.detail.kicker', { seq: decision.seq })}</p>
        <h1 id="decision-title" className="page__title" tabIndex={-1}>
          {decision.documentTitle}
        </h1>
        <p className="decision-header__question">{decision.question}</p>
        <div className={`decision-outcome decision-outcome--${decision.outcome}`}>
          <p className="decision-outcome__tag">
            <OutcomeTag outcome={decision.outcome} />
          </p>
          <p className="decision-outcome__description">
            {outcomeDescription({
              outcome: decision.outcome,
              rule: decision.rule,
              closeCause: decision.closeCause,
              participants: decision.participants,
              answered: decision.positions.map((position) => position.federation),
            })}
          </p>
          <p>{decision.outcomeStatement}</p>
        </div>
        <dl className="record-facts">
          <div>
            <dt>{t('decisions.detail.rule')}</dt>
            <dd>
              {RULE_INFO[decision.rule].label}
              <span className="record-facts__hint">{RULE_INFO[decision.rule].description}</span>
            </dd>
          </div>
          <div>
            <dt>{t('decisions.detail.closed')}</dt>
            <dd>
              <time dateTime={decision.closedAt}>{formatDate(decision.closedAt)}</time>
              <span className="record-facts__hint">
                {CLOSE_CAUSE_INFO[decision.closeCause].label}
                {decision.closedBy ? ` · ${decision.closedBy.displayName}` : null}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t('decisions.detail.round')}</dt>
            <dd>
              <Link to={`/documents/${decision.documentId}/tours/${decision.roundId}`}>
                {t('decisions.detail.roundLink', { number: decision.roundNumber, version: decision.version })}
              </Link>
              <span className="record-facts__hint">{t(`documentKinds.${decision.documentKind}`)}</span>
            </dd>
          </div>
        </dl>
        {isAdoption(decision.outcome) ? (
          <div className="decision-export">
            <p>{t('decisions.detail.export')}</p>
            <ul className="decision-export__list">
              {EXPORT_FORMATS.map(({ format, key }) => (
                <li key={format}>
                  <a
                    className="button button--secondary button--small"
                    href={`/api/documents/${encodeURIComponent(decision.documentId)}/export?format=${format}&version=${decision.version}`}
                    download
                  >
                    {t(key)}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </header>

      <CardSection titleId="positions-title" title={t('decisions.detail.positions')}>
        <ul className="record-positions">
          {decision.participants.map((slug) => {
            const position = positions.get(slug);
            return (
              <li key={slug} className="record-position">
                <h3 className="record-position__federation">{federationName(slug)}</h3>
                {position ? (
                  <>
                    <p>
                      <StanceTag stance={position.stance} />
                    </p>
                    {position.reason ? <blockquote className="record__reason">{position.reason}</blockquote> : null}
                    <Paragraphs ids={position.paragraphs} paragraphs={paragraphs} />
                    {position.evidence?.map((cited) => (
                      <p key={cited.consultationId} className="record__evidence">
                        {t('decisions.detail.evidence')}{' '}
                        <Link to={`/consultations/${cited.consultationId}`}>{cited.title}</Link>
                        {' — '}
                        {t('decisions.detail.evidenceRate', { count: cited.responded, invited: cited.invited })}
                      </p>
                    ))}
                    <p className="record__meta">
                      <Author author={position.castBy} at={position.castAt} />
                    </p>
                  </>
                ) : (
                  <>
                    <p>
                      <StanceTag stance={null} noAnswer={noAnswer} />
                    </p>
                    <p className="muted">{NO_ANSWER_CASE_INFO[noAnswer].description}</p>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      </CardSection>

      {decision.reservations.length > 0 ? (
        <CardSection titleId="reservations-title" title={t('decisions.detail.reservations')}>
          <ul className="record-list">
            {decision.reservations.map((reservation) => (
              <li key={reservation.federation}>
                <p>
                  <strong>{federationName(reservation.federation)}</strong>
                </p>
                {reservation.reason ? <blockquote className="record__reason">{reservation.reason}</blockquote> : null}
                <Paragraphs ids={reservation.paragraphs} paragraphs={paragraphs} />
                <ReservationAmendment amendment={positions.get(reservation.federation)?.amendment ?? null} ids={reservation.paragraphs} paragraphs={paragraphs} />
                <p className="record__meta">
                  <Author author={reservation.castBy} at={reservation.castAt} />
                </p>
              </li>
            ))}
          </ul>
        </CardSection>
      ) : null}

      {decision.objections.length > 0 ? (
        <CardSection titleId="objections-title" title={t('decisions.detail.objections')}>
          <ul className="record-list">
            {decision.objections.map((objection) => (
              <li key={`${objection.federation}-${objection.raisedAt}`}>
                <p>
                  <strong>{federationName(objection.federation)}</strong>{' '}
                  <span className={`objection-state objection-state--${objection.state}`}>{OBJECTION_STATE_INFO[objection.state].label}</span>
                </p>
                <p className="muted">{OBJECTION_STATE_INFO[objection.state].description}</p>
                {objection.reason ? <blockquote className="record__reason">{objection.reason}</blockquote> : null}
                <Paragraphs ids={objection.paragraphs} paragraphs={paragraphs} />
                {objection.noAmendmentPossible ? (
                  <p>{t('decisions.detail.noAmendment')}</p>
                ) : objection.amendment ? (
                  <div className="record__amendment">
                    <p className="record__label">{t('decisions.detail.amendment')}</p>
                    <AmendmentDiff replaced={replacedBy(objection.paragraphs, paragraphs)} amendment={objection.amendment} />
                  </div>
                ) : null}
                {objection.answer ? (
                  <div className="record__answer">
                    <p className="record__label">{t('decisions.detail.answer')}</p>
                    <p>{objection.answer}</p>
                  </div>
                ) : null}
                <p className="record__meta">
                  <Author author={objection.raisedBy} at={objection.raisedAt} />
                </p>
              </li>
            ))}
          </ul>
        </CardSection>
      ) : null}

      <CardSection titleId="text-title" title={t('decisions.detail.text', { version: decision.version })}>
        {decision.text ? (
          <ol className="decided-text">
            {decision.text.paragraphs.map((paragraph, index) => (
              <li key={paragraph.id} className="decided-text__block">
                <span className="decided-text__number">{t('decisions.detail.paragraph', { number: index + 1 })}</span>
                <MarkdownBlock markdown={paragraph.markdown} />
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">{t('decisions.detail.noText')}</p>
        )}
      </CardSection>

      <CardSection titleId="integrity-title" title={t('decisions.detail.integrity')} intro={t('decisions.detail.integrityIntro')}>
        <dl className="record-hashes">
          <div>
            <dt>{t('decisions.detail.contentHash')}</dt>
            <dd>
              <code className="hash">{decision.contentHash}</code>
            </dd>
          </div>
          <div>
            <dt>{t('decisions.detail.prevHash')}</dt>
            <dd>
              <code className="hash">{decision.prevHash}</code>
            </dd>
          </div>
          <div>
            <dt>{t('decisions.detail.hash')}</dt>
            <dd>
              <code className="hash">{decision.hash}</code>
            </dd>
          </div>
        </dl>
      </CardSection>
    </section>
  );
}
