import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FEDERATION_SHORT_NAMES, isSuggestionFormat, suggestionFormatKey, type CommentAnchorDto, type FederationSlug } from '@coupole/shared';
import { ErrorAlert } from '../../components/feedback/error-alert';
import { Loading } from '../../components/feedback/loading';
import { useCurrentUser } from '../../lib/session/current-user';
import { useComments } from '../../features/comments/api/get-comments';
import { CommentsPanel } from '../../features/comments/components/comments-panel';
import { SuggestionThread } from '../../features/comments/components/suggestion-thread';
import { documentKeys } from '../../lib/api/query-keys';
import { useDocument } from '../../lib/api/document';
import { DocumentObservers } from '../../features/documents/components/document-observers';
import { DocumentHeader } from '../../features/documents/components/document-header';
import { DocumentTabs } from '../../features/documents/components/document-tabs';
import { ExportLinks } from '../../features/documents/components/export-links';
import { readOnlyReason } from '../../features/documents/lib/read-only';
import { DocumentEditor } from '../../features/editor/components/document-editor';
import type { AwarenessUser } from '../../features/editor/lib/presence';
import { useFederations } from '../../lib/api/federations';
import { useLive } from '../../lib/live/use-live';
import { RoundBanner } from '../../features/rounds/components/round-banner';
import { RoundsPanel } from '../../features/rounds/components/rounds-panel';
import { TimelinePanel } from '../../features/timeline/components/timeline-panel';
import { VersionsPanel } from '../../features/versions/components/versions-panel';
import { DocumentMeetings } from '../../features/agenda/components/document-meetings';
import { DocumentDispatches } from '../../features/follow-up/components/document-dispatches';
import { DocumentPublication } from '../../features/publications/components/document-publication';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useCreateSuggestion } from '../../features/suggestions/api/create-suggestion';
import { useSuggestions } from '../../features/suggestions/api/get-suggestions';
import { SuggestionsPanel } from '../../features/suggestions/components/suggestions-panel';
import { useLiveSuggestions } from '../../features/suggestions/hooks/use-live-suggestions';
import type { SuggestionMark } from '../../features/editor/lib/suggestion-mode';

type SideTab = 'comments' | 'suggestions' | 'versions' | 'rounds' | 'timeline' | 'export';

export function DocumentRoute() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const document = useDocument(id);
  useDocumentTitle(document.data?.title ?? t('documents.title'));

  if (document.isPending) return <Loading />;
  if (document.isError) {
    return (
      <section className="page">
        <ErrorAlert error={document.error} onRetry={() => void document.refetch()} />
        <p>
          <Link to="/documents">{t('documents.backToList')}</Link>
        </p>
      </section>
    );
  }
  return <DocumentWorkspace documentId={id} />;
}

function DocumentWorkspace({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const document = useDocument(documentId).data!;
  const federations = useFederations();
  const comments = useComments(documentId);
  const [tab, setTab] = useState<SideTab>('comments');
  const [pendingAnchor, setPendingAnchor] = useState<CommentAnchorDto | null>(null);
  const [activeCommentId, setActiveCommentId] = useState<string | null>(null);
  const suggestions = useSuggestions(documentId);
  const createSuggestion = useCreateSuggestion(documentId);
  useLiveSuggestions(documentId);

  useLive(
    {
      'document.updated': () => void queryClient.invalidateQueries({ queryKey: documentKeys.detail(documentId), exact: true }),
    },
    { documentId, onResync: () => void queryClient.invalidateQueries({ queryKey: documentKeys.detail(documentId) }) },
  );

  const federation = federations.data?.items.find((item) => item.slug === user.federation);
  const awarenessUser = useMemo<AwarenessUser>(
    () => ({
      userId: user.id,
      name: user.displayName,
      color: federation?.colour ?? '#4d5968',
      federation: user.federation,
      federationName: federation?.name ?? null,
    }),
    [user.id, user.displayName, user.federation, federation?.colour, federation?.name],
  );
  const highlights = useMemo(
    () =>
      (comments.data?.items ?? [])
        .filter((comment) => !comment.resolved && comment.anchor)
        .map((comment) => ({ id: comment.id, anchor: comment.anchor! })),
    [comments.data],
  );
  const federationLooks = useMemo(
    () =>
      new Map<string, { colour: string; name: string }>(
        (federations.data?.items ?? []).map((item) => [item.slug, { colour: item.colour, name: FEDERATION_SHORT_NAMES[item.slug as FederationSlug] ?? item.name }]),
      ),
    [federations.data],
  );
  const suggestionMarks = useMemo<SuggestionMark[]>(
    () =>
      (suggestions.data?.items ?? [])
        .filter((suggestion) => suggestion.status === 'open')
        .map((suggestion) => {
          const looks = suggestion.federation ? federationLooks.get(suggestion.federation) : undefined;
          return {
            id: suggestion.id,
            anchor: suggestion.anchor,
            replacement: suggestion.replacement,
            format: isSuggestionFormat(suggestion.format) ? { value: suggestion.format, label: t(`suggestions.format.${suggestionFormatKey(suggestion.format)}`) } : null,
            colour: looks?.colour ?? '#4d5968',
            label: `${suggestion.author.displayName} (${looks?.name ?? t('suggestions.secretariat')})`,
          };
        }),
    [suggestions.data, federationLooks, t],
  );
  const openSuggestions = suggestions.data?.items.filter((suggestion) => suggestion.status === 'open').length;
  const reason = readOnlyReason(document, user.role);
  const openComments = comments.data?.items.filter((comment) => !comment.resolved).length;

  return (
    <section className="page page--wide" aria-labelledby="document-title">
      <p className="breadcrumb">
        <Link to="/documents">{t('documents.backToList')}</Link>
      </p>
      <DocumentHeader document={document} />
      {document.status === 'in_round' ? <RoundBanner documentId={documentId} /> : null}
      <div className="document-workspace">
        <DocumentEditor
          documentId={documentId}
          user={awarenessUser}
          canEdit={document.permissions.edit}
          readOnlyReason={reason ? t(reason) : null}
          canComment={document.permissions.comment}
          highlights={highlights}
          activeCommentId={activeCommentId}
          onComment={(anchor) => {
            setPendingAnchor(anchor);
            setTab('comments');
          }}
          onSelectComment={(commentId) => {
            setActiveCommentId(commentId);
            setTab('comments');
          }}
          suggestionMarks={suggestionMarks}
          canSuggest={document.permissions.edit}
          onSuggest={async (input) => {
            setTab('suggestions');
            return createSuggestion.mutateAsync(input).catch(() => undefined);
          }}
        />
        <aside className="document-side" aria-label={t('documents.side.label')}>
          <DocumentTabs
            label={t('documents.side.label')}
            selected={tab}
            onSelect={(next) => setTab(next as SideTab)}
            tabs={[
              {
                id: 'comments',
                label: t('documents.side.comments'),
                count: openComments,
                content: (
                  <CommentsPanel
                    documentId={documentId}
                    currentUser={{ id: user.id, federation: user.federation }}
                    canComment={document.permissions.comment}
                    pendingAnchor={pendingAnchor}
                    onPendingAnchorDone={() => setPendingAnchor(null)}
                    activeCommentId={activeCommentId}
                    onSelectComment={setActiveCommentId}
                  />
                ),
              },
              {
                id: 'suggestions',
                label: t('suggestions.tab'),
                count: openSuggestions,
                content: (
                  <>
                    {createSuggestion.isError ? <ErrorAlert error={createSuggestion.error} /> : null}
                    <SuggestionsPanel
                      documentId={documentId}
                      currentUserId={user.id}
                      permissions={document.permissions}
                      federations={federationLooks}
                      renderThread={(suggestion) => (
                        <SuggestionThread
                          documentId={documentId}
                          suggestionId={suggestion.id}
                          commentCount={suggestion.commentCount}
                          currentUser={{ id: user.id, federation: user.federation }}
                          canComment={document.permissions.comment}
                        />
                      )}
                    />
                  </>
                ),
              },
              {
                id: 'versions',
                label: t('documents.side.versions'),
                content: <VersionsPanel documentId={documentId} canEdit={document.permissions.edit} />,
              },
              {
                id: 'rounds',
                label: t('rounds.panel.tab'),
                content: (
                  <RoundsPanel
                    documentId={documentId}
                    documentStatus={document.status}
                    canOpen={document.permissions.manage}
                    canEdit={document.permissions.edit}
                    federation={user.role === 'representative' ? user.federation : null}
                  />
                ),
              },
              { id: 'timeline', label: t('documents.side.timeline'), content: <TimelinePanel documentId={documentId} /> },
              { id: 'export', label: t('documents.side.export'), content: <ExportLinks documentId={documentId} /> },
            ]}
          />
        </aside>
      </div>
      <div className="document-follow-up">
        {user.role !== 'observer' ? (
          <DocumentDispatches
            documentId={documentId}
            kind={document.kind}
            status={document.status}
            canEdit={user.role === 'admin' || user.role === 'facilitator'}
          />
        ) : null}
        {user.role !== 'observer' ? (
          <DocumentPublication documentId={documentId} status={document.status} canPublish={user.role === 'admin' || user.role === 'facilitator'} />
        ) : null}
        <DocumentMeetings documentId={documentId} />
        {user.role !== 'observer' ? <DocumentObservers document={document} /> : null}
      </div>
    </section>
  );
}
