import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { Roles } from '../auth/decorators/roles.decorator';
import { IdParams } from '../common/id-params';
import { User } from '../users/user.entity';
import { FederationReminderResponseDto, RemindFederationDto } from './dto/remind-federation.dto';
import { FederationRemindersService } from './federation-reminders.service';

@ApiTags('rounds')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller()
export class FederationRemindersController {
  constructor(private readonly reminders: FederationRemindersService) {}

  @Post('rounds/:id/reminders')
  @HttpCode(200)
  @Roles('admin', 'facilitator')
  @ApiOkResponse({ type: FederationReminderResponseDto, description: 'The reminder went out (notification and mail).' })
  @ApiTooManyRequestsResponse({ description: 'This federation was reminded less than 12 hours ago.' })
  remind(@CurrentUser() user: User, @Param() { id }: IdParams, @Body() body: RemindFederationDto): Promise<FederationReminderResponseDto> {
    return this.reminders.remind(user, id, body.federation);
  }
}
