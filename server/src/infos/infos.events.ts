import type { InfoDto, InfoVisibility } from '@coupole/shared';

/** An info was shared, changed or deleted (committed). `info` is as its author sees it. */
export interface InfoChangedEvent {
  info: InfoDto;
}

export interface InfoDeletedEvent {
  infoId: string;
  visibility: InfoVisibility;
}
