import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isSuggestionFormat, PARAGRAPH_BREAK, suggestionActions, suggestionFormatKey, type DocumentPermissions } from '@coupole/shared';
import { ErrorAlert } from '../../../components/feedback/error-alert';
import { Loading } from '../../../components/feedback/loading';
import { formatDate } from '../../../lib/dates';
import { useDecideAll, useDecideSuggestion, type SuggestionDecision } from '../api/decide-suggestion';
import { useSuggestions, type Suggestion } from '../api/get-suggestions';
import '../suggestions.css';

interface SuggestionsPanelProps {
  documentId: string;
  currentUserId: string;
  permissions: DocumentPermissions;
  /** Federation slug → colour and name. */
  federations: ReadonlyMap<string, { colour: string; name: string }>;
  /** The card's comment thread (the comments feature's), under its actions. */
  renderThread?: (suggestion: Suggestion) => ReactNode;
}

export function SuggestionsPanel({ documentId, currentUserId, permissions, federations, renderThread }: SuggestionsPanelProps) {
  const { t } = useTranslation();
  const suggestions = useSuggestions(documentId);
  const decide = useDecideSuggestion(documentId);
  const decideAll = useDecideAll(documentId);
  const [showDecided, setShowDecided] = useState(false);

  if (suggestions.isPending) return <Loading />;
  if (suggestions.isError) return <ErrorAlert error={suggestions.error} onRetry={() => void suggestions.refetch()} />;
  const items = suggestions.data.items;
  const open = items.filter((item) => item.status === 'open');
  const orphaned = items.filter((item) => item.status === 'orphaned');
  const decided = items.filter((item) => item.status !== 'open' && item.status !== 'orphaned');
  const card = (suggestion: Suggestion) => (
    <li key={suggestion.id}>
      <SuggestionCard
        suggestion={suggestion}
        federation={suggestion.federation ? federations.get(suggestion.federation) : undefined}
        actions={suggestionActions({ id: currentUserId }, permissions, { authorId: suggestion.author.id, status: suggestion.status })}
        pending={decide.isPending && decide.variables?.id === suggestion.id}
        onDecide={(decision) => decide.mutate({ id: suggestion.id, decision })}
        thread={renderThread?.(suggestion)}
      />
    </li>
  );

  return (
    <div className="suggestions">
      <p className="field__hint">{permissions.edit ? t('suggestions.hint') : t('suggestions.readOnlyHint')}</p>
      {decide.isError ? <ErrorAlert error={decide.error} /> : null}
      <h3 className="suggestions__heading">{t('suggestions.open', { count: open.length })}</h3>
      {permissions.edit ? (
        <BulkActions
          open={open}
          federations={federations}
          pending={decideAll.isPending}
          onDecideAll={(ids, decision) => decideAll.mutate({ ids, decision })}
        />
      ) : null}
      {decideAll.data ? (
        <p className="alert alert--error" role="alert">
          {t('suggestions.bulkFailed', { count: decideAll.data })}
        </p>
      ) : null}
      {open.length === 0 ? <p className="muted">{t('suggestions.empty')}</p> : <ul className="suggestions__list">{open.map(card)}</ul>}
      {orphaned.length > 0 ? (
        <>
          <h3 className="suggestions__heading">{t('suggestions.orphaned', { count: orphaned.length })}</h3>
          <p className="field__hint">{t('suggestions.orphanedHint')}</p>
          <ul className="suggestions__list">{orphaned.map(card)}</ul>
        </>
      ) : null}
      {decided.length > 0 ? (
        <label className="comments__toggle">
          <input type="checkbox" checked={showDecided} onChange={(event) => setShowDecided(event.target.checked)} />
          {t('suggestions.showDecided', { count: decided.length })}
        </label>
      ) : null}
      {showDecided ? <ul className="suggestions__list">{decided.map(card)}</ul> : null}
    </div>
  );
}

interface BulkActionsProps {
  open: Suggestion[];
  federations: ReadonlyMap<string, { colour: string; name: string }>;
  pending: boolean;
  onDecideAll: (ids: string[], decision: 'accept' | 'reject') => void;
}

/** "Tout accepter / tout refuser de <fédération>", for each federation with open suggestions. */
function BulkActions({ open, federations, pending, onDecideAll }: BulkActionsProps) {
  const { t } = useTranslation();
  const byFederation = new Map<string, string[]>();
  for (const suggestion of open) {
    const slug = suggestion.federation ?? '';
    byFederation.set(slug, [...(byFederation.get(slug) ?? []), suggestion.id]);
  }
  if (byFederation.size === 0) return null;
  return (
    <ul className="suggestions__bulk" aria-label={t('suggestions.bulkLabel')}>
      {[...byFederation].map(([slug, ids]) => {
        const name = slug ? (federations.get(slug)?.name ?? slug) : t('suggestions.secretariat');
        return (
          <li key={slug}>
            <button type="button" className="button button--secondary button--small" disabled={pending} onClick={() => onDecideAll(ids, 'accept')}>
              {t('suggestions.acceptAll', { name, count: ids.length })}
            </button>
            <button type="button" className="button button--secondary button--small" disabled={pending} onClick={() => onDecideAll(ids, 'reject')}>
              {t('suggestions.rejectAll', { name, count: ids.length })}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

interface SuggestionCardProps {
  suggestion: Suggestion;
  federation: { colour: string; name: string } | undefined;
  actions: { accept: boolean; reject: boolean; withdraw: boolean };
  pending: boolean;
  onDecide: (decision: SuggestionDecision) => void;
  thread?: ReactNode;
}

function SuggestionCard({ suggestion, federation, actions, pending, onDecide, thread }: SuggestionCardProps) {
  const { t } = useTranslation();
  const colour = federation?.colour ?? '#4d5968';
  const who = `${suggestion.author.displayName} (${federation?.name ?? t('suggestions.secretariat')})`;
  return (
    <article
      className={`suggestion suggestion--${suggestion.status}`}
      style={{ ['--suggestion-colour' as string]: colour }}
      aria-label={t('suggestions.cardLabel', { who })}
      data-suggestion-id={suggestion.id}
    >
      <header className="suggestion__header">
        <span className="suggestion__who">{who}</span>
        <time dateTime={suggestion.createdAt}>{formatDate(suggestion.createdAt)}</time>
      </header>
      {suggestion.objectionId ? (
        <p className="suggestion__objection">{t('suggestions.amendmentOf', { name: federation?.name ?? t('suggestions.secretariat') })}</p>
      ) : suggestion.reservationId ? (
        <p className="suggestion__objection">{t('suggestions.amendmentOfReservation', { name: federation?.name ?? t('suggestions.secretariat') })}</p>
      ) : null}
      <p className="suggestion__what">
        <span className="suggestion__kind">{t(`suggestions.kind.${suggestion.kind}`)}</span>{' '}
        {isSuggestionFormat(suggestion.format) ? (
          <>
            <strong className="suggestion__format">« {t(`suggestions.format.${suggestionFormatKey(suggestion.format)}`)} »</strong>{' '}
            <span className="suggestion-format" aria-label={t('suggestions.formattedLabel')}>
              <Paragraphs text={suggestion.quote} />
            </span>
          </>
        ) : (
          <>
            {suggestion.quote ? (
              <del className="suggestion-delete" aria-label={t('suggestions.quoteLabel')}>
                <Paragraphs text={suggestion.quote} />
              </del>
            ) : null}
            {suggestion.quote && suggestion.replacement ? ' → ' : null}
            {suggestion.replacement ? (
              <ins className="suggestion-insert" aria-label={t('suggestions.replacementLabel')}>
                <Paragraphs text={suggestion.replacement} />
              </ins>
            ) : null}
          </>
        )}
      </p>
      {suggestion.status === 'orphaned' && suggestion.versionText ? (
        <div className="suggestion__compare" role="group" aria-label={t('suggestions.compareLabel')}>
          <p className="suggestion__compare-note">{t('suggestions.paragraphChanged')}</p>
          <div className="suggestion__compare-sides">
            <div>
              <p className="suggestion__compare-title">{t('suggestions.versionSide')}</p>
              <p>{suggestion.versionText}</p>
            </div>
            <div>
              <p className="suggestion__compare-title">{t('suggestions.draftSide')}</p>
              <p>{suggestion.draftText ?? t('suggestions.draftRewritten')}</p>
            </div>
          </div>
        </div>
      ) : null}
      {suggestion.status !== 'open' ? (
        <p className="suggestion__status">
          {t(`suggestions.status.${suggestion.status}`)}
          {suggestion.decidedBy ? ` — ${suggestion.decidedBy.displayName}` : ''}
          {suggestion.decidedAt ? `, ${formatDate(suggestion.decidedAt)}` : ''}
        </p>
      ) : null}
      {actions.accept || actions.reject || actions.withdraw ? (
        <div className="suggestion__actions">
          {actions.accept ? (
            <button type="button" className="button button--primary button--small" disabled={pending} onClick={() => onDecide('accept')}>
              {t('suggestions.accept')}
            </button>
          ) : null}
          {actions.reject ? (
            <button type="button" className="button button--secondary button--small" disabled={pending} onClick={() => onDecide('reject')}>
              {t('suggestions.reject')}
            </button>
          ) : null}
          {actions.withdraw ? (
            <button type="button" className="button button--secondary button--small" disabled={pending} onClick={() => onDecide('withdraw')}>
              {t('suggestions.withdraw')}
            </button>
          ) : null}
        </div>
      ) : null}
      {thread}
    </article>
  );
}

/** A quote or replacement, each paragraph break shown as a pilcrow (read out as "nouveau paragraphe"). */
function Paragraphs({ text }: { text: string }) {
  const { t } = useTranslation();
  const parts = text.split(PARAGRAPH_BREAK);
  return (
    <>
      {parts.map((part, index) => (
        <span key={index}>
          {index > 0 ? (
            <span className="suggestion-pilcrow" role="img" aria-label={t('suggestions.paragraphBreak')}>
              ¶
            </span>
          ) : null}
          {part}
        </span>
      ))}
    </>
  );
}
