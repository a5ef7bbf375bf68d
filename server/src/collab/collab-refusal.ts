import type { CollabErrorCode } from '@coupole/shared';

/** A message refused for a reason the client is told (ack or `error` event), never a crash. */
export class CollabRefusal extends Error {
  constructor(
    readonly code: CollabErrorCode,
    message: string,
  ) {
    super(message);
    this.name = CollabRefusal.name;
  }
}
