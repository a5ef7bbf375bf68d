import type { PublicationStateDto } from '@coupole/shared';

/** A text went on the public site or left it (committed). */
export interface PublicationChanged {
  publication: PublicationStateDto;
  /** Null when the platform withdrew it (the document is no longer adopted). */
  actorId: string | null;
}

export interface PublicationEvents {
  'publication.published': PublicationChanged;
  'publication.withdrawn': PublicationChanged;
}
