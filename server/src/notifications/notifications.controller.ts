import type { ListResponse, NotificationDto } from '@coupole/shared';
import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { User } from '../users/user.entity';

import {
  NotificationListResponseDto,
  NotificationResponseDto,
  NotificationsReadResponseDto,
} from './dto/notification-response.dto';
import { NotificationsService } from './notifications.service';
import { IdParams } from '../common/id-params';

@ApiTags('notifications')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: "The caller's notifications, unread first, then newest first" })
  @ApiOkResponse({ type: NotificationListResponseDto, description: 'Unread first, then newest first' })
  list(@CurrentUser() user: User): Promise<ListResponse<NotificationDto> & { unread: number }> {
    return this.notifications.list(user);
  }

  // Declared before ':id/read' for readability; the paths cannot collide anyway.
  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: "Mark every one of the caller's notifications as read" })
  @ApiOkResponse({ type: NotificationsReadResponseDto })
  readAll(@CurrentUser() user: User): Promise<{ updated: number }> {
    return this.notifications.markAllRead(user);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of the caller’s notifications as read' })
  @ApiOkResponse({ type: NotificationResponseDto })
  read(@CurrentUser() user: User, @Param() { id }: IdParams): Promise<NotificationDto> {
    return this.notifications.markRead(user, id);
  }
}
