import { useTranslation } from 'react-i18next';
import type { ProviderState } from '../lib/socket-io-yjs-provider';

export function ConnectionStatus({ state, readOnly }: { state: ProviderState; readOnly: boolean }) {
  const { t } = useTranslation();
  const connection = {
    connecting: t('editor.status.connecting'),
    connected: t('editor.status.connected'),
    synced: t('editor.status.synced'),
    offline: t('editor.status.offline'),
  }[state.connection];

  return (
    <div className="editor-status" role="status" aria-live="polite">
      <span className={`editor-status__connection editor-status__connection--${state.connection}`}>
        <span className="editor-status__dot" aria-hidden="true" />
        {connection}
      </span>
      {readOnly ? null : (
        <span className="editor-status__save">
          {state.pending === 0 ? t('editor.status.saved') : t('editor.status.saving')}
        </span>
      )}
    </div>
  );
}
