import type { RoundOutcome, Tally } from '@coupole/shared';
import { Injectable, Logger } from '@nestjs/common';
import { DocumentsService } from '../documents/documents.service';
import { LiveService } from '../live/live.service';
import { NotificationsService } from '../notifications/notifications.service';
import type { Round } from './round.entity';

/**
 * Tells the world about a round once its transaction has committed: live events on `/live`
 * and notifications. The action is durable by then, so a failure here is logged, not thrown.
 */
@Injectable()
export class RoundAnnouncer {
  private readonly logger = new Logger(RoundAnnouncer.name);

  constructor(
    private readonly live: LiveService,
    private readonly notifications: NotificationsService,
    private readonly documents: DocumentsService,
  ) {}

  async opened(round: Round): Promise<void> {
    this.publish(() =>
      this.live.publish({
        type: 'round.opened',
        documentId: round.documentId,
        roundId: round.id,
        at: round.openedAt.toISOString(),
        payload: { number: round.number, closesAt: round.closesAt.toISOString() },
      }),
    );
    // The document moved to in_round.
    await this.notify(() => this.documents.publishUpdated(round.documentId));
    await this.notify(() => this.notifications.roundOpened(round));
  }

  updated(round: Pick<Round, 'id' | 'documentId'>, tally: Tally): void {
    this.publish(() =>
      this.live.publish({
        type: 'round.updated',
        documentId: round.documentId,
        roundId: round.id,
        at: new Date().toISOString(),
        payload: { tally },
      }),
    );
  }

  async closed(round: Round, outcome: RoundOutcome, decisionSeq: number | null): Promise<void> {
    this.publish(() =>
      this.live.publish({
        type: 'round.closed',
        documentId: round.documentId,
        roundId: round.id,
        at: (round.closedAt ?? new Date()).toISOString(),
        payload: { outcome, decisionSeq },
      }),
    );
    // The document was adopted or went back to drafting.
    await this.notify(() => this.documents.publishUpdated(round.documentId));
    await this.notify(() => this.notifications.roundClosed(round, outcome, decisionSeq));
  }

  private publish(send: () => unknown): void {
    try {
      const result = send();
      if (result instanceof Promise) result.catch((error: unknown) => this.logger.error(`Live event not sent: ${String(error)}`));
    } catch (error) {
      this.logger.error(`Live event not sent: ${String(error)}`);
    }
  }

  private async notify(send: () => Promise<unknown>): Promise<void> {
    try {
      await send();
    } catch (error) {
      this.logger.error(`Announcement not sent: ${String(error)}`);
    }
  }
}
