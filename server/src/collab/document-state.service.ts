import { COLLAB_MAX_DOCUMENT_BYTES, markdownEditUpdate, yDocToMarkdown } from '@coupole/shared';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { AfterPause } from '../common/after-pause';
import { CollabMetrics } from '../document-body/collab-metrics';
import { applyAll, DocumentBodyService } from '../document-body/document-body.service';
import { DocumentSealedError } from '../document-body/update-batcher';
import { DomainEventBus } from '../domain-events/domain-event-bus';
import { CollabRefusal } from './collab-refusal';
import { CollabRelay, CollabSocket } from './collab-relay';
import { checkUpdate } from './update-validation';

/** A document held in memory while someone edits it on this instance. */
export interface LiveDocument {
  readonly documentId: string;
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  /** Upper bound of the encoded state's size, recomputed exactly when it nears the limit. */
  encodedSize: number;
  lastUsed: number;
}

export interface CollabTuning {
  /** Free a document nobody on this instance has had open for this long. */
  idleEvictionMs: number;
  /** Quiet time after the last edit before the Markdown cache of `documents` is refreshed. */
  bodyChangeDebounceMs: number;
}

export const DEFAULT_COLLAB_TUNING: CollabTuning = {
  idleEvictionMs: 60_000,
  bodyChangeDebounceMs: 2_000,
};

/** Origin of updates that came from another instance (not to be relayed again). */
const FROM_OTHER_INSTANCE = Symbol('from-other-instance');

interface PendingBodyChange {
  /** Epoch milliseconds of the last edit. */
  editedAt: number;
  actorId: string | null;
}

/**
 * The live copies of the documents being edited on this instance, over the stored body
 * (DocumentBodyService, the durable log + snapshot in PostgreSQL).
 *
 * Several instances: each keeps its own live copy of the documents its clients have open.
 * Clients of other instances get an update through the socket.io (Redis) adapter's room
 * broadcast; the other instances' live copies get it through `serverSideEmit`, sent after the
 * COMMIT so that an instance loading the document from the database meanwhile cannot miss it.
 * Some quiet time after edits, `document.body_changed` tells the documents module the new Markdown.
 */
@Injectable()
export class DocumentStateService implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(DocumentStateService.name);
  private readonly live = new Map<string, LiveDocument>();
  private readonly loading = new Map<string, Promise<LiveDocument>>();
  private readonly bodyChanges = new Map<string, PendingBodyChange>();
  /** The Markdown refresh waits for `bodyChangeDebounceMs` without an edit. */
  private readonly bodyChangePause = new AfterPause<string>(
    () => this.tuning.bodyChangeDebounceMs,
    (documentId) => void this.flushBodyChange(documentId),
  );
  private evictionTimer?: NodeJS.Timeout;
  private tuning: CollabTuning = DEFAULT_COLLAB_TUNING;
  private stopped = false;

  constructor(
    private readonly body: DocumentBodyService,
    private readonly relay: CollabRelay,
    private readonly metrics: CollabMetrics,
    private readonly bus: DomainEventBus,
  ) {}

  onModuleInit(): void {
    this.relay.onInstanceUpdate((documentId, update) => this.applyFromOtherInstance(documentId, update));
    this.evictionTimer = setInterval(() => this.evictIdle(), 10_000);
    this.evictionTimer.unref();
  }

  /** Before the database closes (its own shutdown hook): finish what writes to it. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.evictionTimer);
    await Promise.all([...this.bodyChanges.keys()].map((documentId) => this.flushBodyChange(documentId)));
  }

  onApplicationShutdown(): void {
    for (const live of this.live.values()) this.destroyLive(live);
    this.live.clear();
  }

  /** For tests and the benchmark: smaller thresholds make eviction and the Markdown refresh observable. */
  configure(tuning: Partial<CollabTuning>): void {
    this.tuning = { ...this.tuning, ...tuning };
  }

  /** The live copy on this instance, loaded from the database on first use. */
  open(documentId: string): Promise<LiveDocument> {
    const live = this.live.get(documentId);
    if (live) {
      live.lastUsed = Date.now();
      return Promise.resolve(live);
    }
    let loading = this.loading.get(documentId);
    if (!loading) {
      loading = this.loadLive(documentId).finally(() => this.loading.delete(documentId));
      this.loading.set(documentId, loading);
    }
    return loading;
  }

  /**
   * The live copy for a client that joins. With other instances, a copy already in memory is
   * first brought up to date from the database, so that an update relayed from another
   * instance but not arrived yet (or lost while Redis was unreachable) is not missing from the
   * state sent to the newcomer.
   */
  async openForJoin(documentId: string): Promise<LiveDocument> {
    const wasLive = this.live.has(documentId);
    const live = await this.open(documentId);
    if (wasLive && this.relay.spansInstances) {
      Y.applyUpdate(live.doc, await this.body.load(documentId), FROM_OTHER_INSTANCE);
    }
    return live;
  }

  /**
   * A client's change: checked, applied to the live copy, sent to the room's other sockets on
   * every instance, then stored. Resolves after the COMMIT (the moment to acknowledge it).
   * Throws a CollabRefusal for a malformed or oversized update.
   */
  async applyClientUpdate(
    documentId: string,
    update: Uint8Array,
    actorId: string,
    sender?: CollabSocket,
    receivedAt = performance.now(),
  ): Promise<void> {
    if (!checkUpdate(update)) return;
    const live = await this.open(documentId);
    this.ensureRoom(live, update.byteLength);
    Y.applyUpdate(live.doc, update, sender ?? null);
    live.encodedSize += update.byteLength;
    live.lastUsed = Date.now();
    this.relay.broadcastUpdate(documentId, update, sender);
    this.metrics.record('relay', performance.now() - receivedAt);
    await this.persist(documentId, update, actorId);
    this.metrics.record('durable', performance.now() - receivedAt);
  }

  /**
   * Replaces the body with `markdown` as an ordinary edit (restoring a version, applying an
   * amendment): unchanged paragraphs keep their identity, every client of every instance sees
   * it live, and it is durable when this resolves. Returns false if the text was already that.
   */
  async applyServerEdit(documentId: string, markdown: string, actorId: string | null): Promise<boolean> {
    const live = await this.open(documentId);
    // Catch up with what other instances committed, so the edit is computed on the latest text.
    Y.applyUpdate(live.doc, await this.body.load(documentId), FROM_OTHER_INSTANCE);
    const update = markdownEditUpdate(live.doc, markdown);
    if (!update) return false;
    this.ensureRoom(live, update.byteLength);
    Y.applyUpdate(live.doc, update, null);
    live.encodedSize += update.byteLength;
    this.relay.broadcastUpdate(documentId, update);
    await this.persist(documentId, update, actorId);
    return true;
  }

  /**
   * Runs `edit` on the live copy, brought up to date with what other instances committed, as
   * one ordinary edit (accepting a suggestion): every client of every instance sees it live, and
   * it is durable when this resolves. `edit` runs synchronously, so nothing else interleaves with
   * it on this instance; whatever it changes is sent as one update. Returns what `edit` returns.
   */
  async applyServerTransaction<T>(documentId: string, actorId: string | null, edit: (doc: Y.Doc) => T): Promise<T> {
    const live = await this.open(documentId);
    Y.applyUpdate(live.doc, await this.body.load(documentId), FROM_OTHER_INSTANCE);
    const updates: Uint8Array[] = [];
    const collect = (update: Uint8Array) => updates.push(update);
    live.doc.on('update', collect);
    let result: T;
    try {
      result = edit(live.doc);
    } finally {
      live.doc.off('update', collect);
    }
    if (updates.length === 0) return result;
    const update = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
    live.encodedSize += update.byteLength;
    live.lastUsed = Date.now();
    this.relay.broadcastUpdate(documentId, update);
    await this.persist(documentId, update, actorId);
    return result;
  }

  /**
   * Brings this instance's live copy up to date from the database (after messages between
   * instances were lost) and returns what it lacked, or null if nothing; with `whole`, its
   * whole state instead (for clients that may have missed what this copy received).
   */
  async catchUp(documentId: string, { whole }: { whole: boolean }): Promise<Uint8Array | null> {
    const live = this.live.get(documentId);
    if (!live) return null;
    const stored = await this.body.load(documentId);
    const before = Y.encodeStateVector(live.doc);
    Y.applyUpdate(live.doc, stored, FROM_OTHER_INSTANCE);
    if (whole) return Y.encodeStateAsUpdate(live.doc);
    if (Buffer.from(Y.encodeStateVector(live.doc)).equals(Buffer.from(before))) return null;
    const missed = Y.encodeStateAsUpdate(live.doc, before);
    live.encodedSize += missed.byteLength;
    return missed;
  }

  /** The documents held in memory on this instance. */
  liveDocumentIds(): string[] {
    return [...this.live.keys()];
  }

  /** Number of documents held in memory (for tests and metrics). */
  get liveCount(): number {
    return this.live.size;
  }

  isLive(documentId: string): boolean {
    return this.live.has(documentId);
  }

  private async loadLive(documentId: string): Promise<LiveDocument> {
    const startedAt = performance.now();
    const parts = await this.body.readStored(documentId);
    const existing = this.live.get(documentId);
    if (existing) return existing;
    const doc = new Y.Doc();
    // One transaction over the parts: far cheaper than Y.mergeUpdates for a long log.
    applyAll(doc, parts, FROM_OTHER_INSTANCE);
    const encodedSize = parts.reduce((size, part) => size + part.byteLength, 0);
    const awareness = new Awareness(doc);
    // The server is no participant: it only relays the others' carets.
    awareness.setLocalState(null);
    const live: LiveDocument = { documentId, doc, awareness, encodedSize, lastUsed: Date.now() };
    this.live.set(documentId, live);
    this.metrics.record('load', performance.now() - startedAt);
    return live;
  }

  private ensureRoom(live: LiveDocument, incoming: number): void {
    if (live.encodedSize + incoming <= COLLAB_MAX_DOCUMENT_BYTES) return;
    live.encodedSize = Y.encodeStateAsUpdate(live.doc).byteLength;
    if (live.encodedSize + incoming > COLLAB_MAX_DOCUMENT_BYTES) {
      throw new CollabRefusal(
        'document_too_large',
        `The document would exceed its maximum size (${COLLAB_MAX_DOCUMENT_BYTES / 1024 / 1024} MB)`,
      );
    }
  }

  private async persist(documentId: string, update: Uint8Array, actorId: string | null): Promise<void> {
    try {
      await this.body.append(documentId, update, actorId);
    } catch (error) {
      if (error instanceof DocumentSealedError) {
        // Applied here and relayed before the refusal: drop this copy, the next join reloads it.
        this.forget(documentId);
        throw new CollabRefusal('read_only', 'This document is adopted or withdrawn: it can no longer be changed');
      }
      this.logger.error(`Could not store an update of ${documentId}: ${String(error)}`);
      throw new CollabRefusal('unavailable', 'Cannot save right now: try again');
    }
    this.relay.tellOtherInstances('collab:update', documentId, update);
    this.scheduleBodyChange(documentId, actorId);
  }

  private applyFromOtherInstance(documentId: string, update: Uint8Array): void {
    const apply = (live: LiveDocument) => {
      try {
        Y.applyUpdate(live.doc, update, FROM_OTHER_INSTANCE);
        live.encodedSize += update.byteLength;
      } catch (error) {
        this.logger.warn(`Ignored an unreadable update relayed for ${documentId}: ${String(error)}`);
      }
    };
    const live = this.live.get(documentId);
    if (live) return apply(live);
    // A load in progress may have read the database before this update's COMMIT.
    void this.loading.get(documentId)?.then(apply, () => undefined);
  }

  private scheduleBodyChange(documentId: string, actorId: string | null): void {
    if (this.stopped) return;
    this.bodyChanges.set(documentId, { editedAt: Date.now(), actorId });
    this.bodyChangePause.touch(documentId);
  }

  private async flushBodyChange(documentId: string): Promise<void> {
    const pending = this.bodyChanges.get(documentId);
    if (!pending) return;
    this.bodyChangePause.cancel(documentId);
    this.bodyChanges.delete(documentId);
    try {
      const live = this.live.get(documentId);
      // With other instances the database is the one copy sure to hold every durable edit.
      const markdown = live && !this.relay.spansInstances ? yDocToMarkdown(live.doc) : await this.body.currentMarkdown(documentId);
      // Awaited: on shutdown the refresh must be stored before the database closes.
      await this.bus.emitAndWait('document.body_changed', { documentId, markdown, editedAt: new Date(pending.editedAt), actorId: pending.actorId });
    } catch (error) {
      this.logger.warn(`Could not refresh the Markdown of ${documentId}: ${String(error)}`);
    }
  }

  /**
   * Unloads the live copies nobody on this instance has had open for `idleEvictionMs` (a minute)
   * and whose Markdown refresh is done. Runs every 10 s; `now` is for tests.
   */
  evictIdle(now = Date.now()): void {
    for (const live of this.live.values()) {
      if (this.relay.localRoomSize(live.documentId) > 0) {
        live.lastUsed = now;
        continue;
      }
      if (now - live.lastUsed < this.tuning.idleEvictionMs || this.bodyChanges.has(live.documentId)) continue;
      this.live.delete(live.documentId);
      this.destroyLive(live);
    }
  }

  private forget(documentId: string): void {
    const live = this.live.get(documentId);
    if (!live) return;
    this.live.delete(documentId);
    this.destroyLive(live);
  }

  private destroyLive(live: LiveDocument): void {
    live.awareness.destroy();
    live.doc.destroy();
  }
}
