import type { ListResponse, OutboxMailDto } from '@coupole/shared';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators/roles.decorator';
import { ListOutboxQueryDto } from './dto/list-outbox.query';
import { OutboxMailListResponseDto } from './dto/outbox-mail-response.dto';
import { MailService } from './mail.service';

@ApiTags('admin')
@ApiBearerAuth()
@ApiCookieAuth()
@Roles('admin')
@Controller('admin/outbox')
export class OutboxController {
  constructor(private readonly mail: MailService) {}

  @Get()
  @ApiOperation({ summary: 'Mails kept instead of sent (no SMTP_URL configured), newest first, by pages (limit, offset)' })
  @ApiOkResponse({ type: OutboxMailListResponseDto })
  list(@Query() query: ListOutboxQueryDto): Promise<ListResponse<OutboxMailDto>> {
    return this.mail.listOutbox(query);
  }
}
