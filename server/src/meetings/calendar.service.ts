import type { CalendarFeedDto } from '@coupole/shared';
import { Injectable, NotFoundException } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppConfigService } from '../config/app-config.service';
import { UsersService } from '../users/users.service';
import { calendarFeed } from './calendar-feed';
import { toMeetingFields } from './dto/meeting.dto';
import { CalendarToken } from './meeting.entity';
import { MeetingsRepository } from './meetings.repository';

const KIND_LABELS: Record<string, string> = {
  coupole: 'Réunion de la Coupole',
  mandate: 'Mandat',
  minister: 'Cabinet du Ministre',
  parliament: 'Parlement',
  sector: 'Réunion sectorielle',
  seminar: 'Séminaire',
};

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Personal iCal feeds. The token is 128 random bits (32 hex digits), looked up by its SHA-256
 * and then compared in constant time; making a new one or revoking it kills the old URL.
 */
@Injectable()
export class CalendarService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly users: UsersService,
    private readonly config: AppConfigService,
  ) {}

  async feedOf(userId: string): Promise<CalendarFeedDto> {
    return toFeedDto(await this.meetings.calendarTokenOf(userId));
  }

  async renew(userId: string): Promise<CalendarFeedDto> {
    const token = randomBytes(16).toString('hex');
    return toFeedDto(await this.meetings.replaceCalendarToken(userId, token, hashOf(token)));
  }

  async revoke(userId: string): Promise<CalendarFeedDto> {
    await this.meetings.deleteCalendarToken(userId);
    return toFeedDto(null);
  }

  /** The token owner's meetings as iCal; an unknown or revoked token, or a deactivated owner, is 404. */
  async ics(token: string): Promise<string> {
    const row = await this.meetings.calendarTokenByHash(hashOf(token));
    const given = Buffer.from(token);
    if (!row || row.token.length !== token.length || !timingSafeEqual(Buffer.from(row.token), given)) {
      throw new NotFoundException('Unknown calendar');
    }
    const owner = await this.users.findActiveById(row.userId);
    if (!owner) throw new NotFoundException('Unknown calendar');
    const meetings = await this.meetings.listForCalendar(owner.id);
    return calendarFeed({
      name: `Coupole — ${owner.displayName}`,
      publicUrl: this.config.publicUrl,
      meetings: meetings.map((meeting) => ({
        ...toMeetingFields(meeting),
        body: null,
        attendees: [],
        sequence: meeting.sequence,
        updatedAt: meeting.updatedAt.toISOString(),
        description: [KIND_LABELS[meeting.kind], meeting.link].filter(Boolean).join('\n'),
      })),
    });
  }
}

function toFeedDto(row: CalendarToken | null): CalendarFeedDto {
  if (!row) return { token: null, path: null, createdAt: null };
  return { token: row.token, path: `/api/calendar/${row.token}.ics`, createdAt: row.createdAt.toISOString() };
}

