import * as Y from 'yjs';

export interface PendingBatch {
  /** Identifies one send; acknowledging it settles exactly the updates it carried. */
  id: number;
  update: Uint8Array;
}

/**
 * Local Yjs updates the server has not yet confirmed as durable. Updates stay here until their
 * batch is acknowledged; after a reconnect everything still pending is merged into one update
 * and sent again (Yjs applies an update twice without harm).
 */
export class PendingUpdates {
  private nextId = 1;
  /** Updates not yet sent since the last (re)connection. */
  private unsent: Uint8Array[] = [];
  /** Sent batches waiting for their ack, by batch id. */
  private inFlight = new Map<number, Uint8Array>();

  get size(): number {
    return this.unsent.length + this.inFlight.size;
  }

  get isEmpty(): boolean {
    return this.size === 0;
  }

  add(update: Uint8Array): void {
    this.unsent.push(update);
  }

  /** Takes everything not yet sent as one batch to send, or null when there is nothing. */
  takeBatch(): PendingBatch | null {
    if (this.unsent.length === 0) return null;
    const update = this.unsent.length === 1 ? this.unsent[0] : Y.mergeUpdates(this.unsent);
    this.unsent = [];
    const batch = { id: this.nextId++, update };
    this.inFlight.set(batch.id, update);
    return batch;
  }

  /** The server made the batch durable. Returns false for an unknown or already settled batch. */
  acknowledge(id: number): boolean {
    return this.inFlight.delete(id);
  }

  /** The batch was refused or timed out: it goes back to the queue for the next send. */
  retry(id: number): void {
    const update = this.inFlight.get(id);
    if (!update) return;
    this.inFlight.delete(id);
    this.unsent.unshift(update);
  }

  /**
   * The connection dropped: acks for batches in flight will never come, so they are all sent
   * again. Answers that arrive later for the old batch ids are ignored.
   */
  requeueInFlight(): void {
    if (this.inFlight.size === 0) return;
    this.unsent = [...this.inFlight.values(), ...this.unsent];
    this.inFlight.clear();
  }
}
