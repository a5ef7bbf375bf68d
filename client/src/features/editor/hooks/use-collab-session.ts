import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { SocketIOYjsProvider, type ProviderState } from '../lib/socket-io-yjs-provider';

export interface CollabSession {
  doc: Y.Doc;
  provider: SocketIOYjsProvider;
}

const INITIAL_STATE: ProviderState = { connection: 'connecting', pending: 0, refusal: null, canEdit: false };

/** One Y.Doc and one provider per open document, torn down when the page leaves it. */
export function useCollabSession(documentId: string) {
  const [session, setSession] = useState<CollabSession | null>(null);
  const [state, setState] = useState<ProviderState>(INITIAL_STATE);
  const [hasSynced, setHasSynced] = useState(false);

  useEffect(() => {
    const doc = new Y.Doc();
    const provider = new SocketIOYjsProvider(documentId, doc);
    const unsubscribe = provider.subscribe((next) => {
      setState(next);
      if (next.connection === 'synced') setHasSynced(true);
    });
    setSession({ doc, provider });
    setState(provider.state);
    setHasSynced(false);

    // Closing the tab with unconfirmed edits: ask the browser to warn.
    const warnIfUnsaved = (event: BeforeUnloadEvent) => {
      if (provider.state.pending > 0) event.preventDefault();
    };
    window.addEventListener('beforeunload', warnIfUnsaved);

    return () => {
      window.removeEventListener('beforeunload', warnIfUnsaved);
      unsubscribe();
      provider.destroy();
      doc.destroy();
      setSession(null);
    };
  }, [documentId]);

  return { session, state, hasSynced };
}
