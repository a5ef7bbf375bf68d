import type { ListResponse, OutboxMailDto } from '@coupole/shared';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Transporter } from 'nodemailer';
import { Repository } from 'typeorm';
import { AppConfigService } from '../config/app-config.service';
import { OUTBOX_PAGE_SIZE } from './dto/list-outbox.query';
import { OutboxMail } from './outbox-mail.entity';

export interface Mail {
  to: string;
  subject: string;
  /** Plain text, in French. */
  text: string;
}

/**
 * Sends mail through SMTP_URL when it is configured; otherwise keeps each mail in the outbox
 * table, which admins read at GET /api/admin/outbox (demo and development installs).
 */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly logger = new Logger(MailService.name);
  private transporter?: Transporter;

  constructor(
    private readonly config: AppConfigService,
    @InjectRepository(OutboxMail) private readonly outbox: Repository<OutboxMail>,
  ) {}

  /** Never throws: a mail that cannot be sent is logged, the in-app notification stays. */
  async send(mails: readonly Mail[]): Promise<void> {
    if (mails.length === 0) return;
    const smtpUrl = this.config.smtpUrl;
    if (!smtpUrl) {
      await this.outbox.insert(mails.map(({ to, subject, text }) => ({ to, subject, text })));
      return;
    }
    // Loaded on first use, not at every start (README, "Start-up"): nodemailer, only with SMTP_URL.
    this.transporter ??= (require('nodemailer') as typeof import('nodemailer')).createTransport(smtpUrl);
    for (const mail of mails) {
      try {
        await this.transporter.sendMail({ from: this.config.mailFrom, ...mail });
      } catch (error) {
        this.logger.warn(`Mail "${mail.subject}" to ${mail.to} not sent: ${(error as Error).message}`);
      }
    }
  }

  async listOutbox(page: { limit?: number; offset?: number } = {}): Promise<ListResponse<OutboxMailDto>> {
    const [mails, total] = await this.outbox.findAndCount({
      order: { createdAt: 'DESC', id: 'ASC' },
      take: page.limit ?? OUTBOX_PAGE_SIZE,
      skip: page.offset ?? 0,
    });
    return {
      items: mails.map(({ id, to, subject, text, createdAt }) => ({ id, to, subject, text, createdAt: createdAt.toISOString() })),
      total,
    };
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}
