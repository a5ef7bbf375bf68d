import { latestDigestSlot, readableVisibilities, type DigestFrequency, type DigestPreferenceDto } from '@coupole/shared';
import { Injectable } from '@nestjs/common';
import { AppConfigService } from '../config/app-config.service';
import { InfosService } from '../infos/infos.service';
import { MailService } from '../mail/mail.service';
import type { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { digestMail } from './digest-mail';
import { DigestsRepository } from './digests.repository';

const SENDING_FREQUENCIES = ['daily', 'weekly'] as const;

@Injectable()
export class DigestsService {
  constructor(
    private readonly digests: DigestsRepository,
    private readonly infos: InfosService,
    private readonly users: UsersService,
    private readonly mail: MailService,
    private readonly config: AppConfigService,
  ) {}

  async preference(user: Pick<User, 'id'>): Promise<DigestPreferenceDto> {
    return { frequency: (await this.digests.preferenceOf(user.id))?.frequency ?? 'none' };
  }

  async setPreference(user: Pick<User, 'id'>, frequency: DigestFrequency): Promise<DigestPreferenceDto> {
    await this.digests.savePreference(user.id, frequency);
    return { frequency };
  }

  /**
   * Sends every digest due at `now` that no instance has sent yet: the latest 08:00 Brussels slot
   * of each frequency, to the users who had chosen it by then, with the infos they may read,
   * shared in the slot's window by others. Returns the number of mails sent.
   */
  async sendDue(now: Date = new Date()): Promise<number> {
    let sent = 0;
    for (const frequency of SENDING_FREQUENCIES) {
      const slot = latestDigestSlot(frequency, now);
      if (!slot) continue;
      const subscribers = await this.digests.subscribersBefore(frequency, slot.sendAt);
      if (subscribers.length === 0) continue;
      const infos = await this.infos.createdBetween(slot.from, slot.sendAt);
      for (const { userId } of subscribers) {
        const user = await this.users.findActiveById(userId);
        if (!user) continue;
        const visible = readableVisibilities(user.role);
        const items = infos.filter((info) => visible.includes(info.visibility) && info.authorId !== user.id);
        // Claimed even when empty, so the slot is settled for this user.
        if (!(await this.digests.claim(user.id, slot.key, items.length))) continue;
        if (items.length === 0) continue;
        const baseUrl = (this.config.publicUrl ?? '').replace(/\/$/, '');
        await this.mail.send([
          digestMail(
            user.email,
            frequency,
            items.map((info) => ({ id: info.id, title: info.title, federation: info.federationSlug, topics: info.topics, toDiscuss: info.toDiscuss })),
            baseUrl,
          ),
        ]);
        sent += 1;
      }
    }
    return sent;
  }
}
