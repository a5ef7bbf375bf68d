import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { ApiFileResponse } from '../common/api-file-response';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import type { User } from '../users/user.entity';

import { ExportQueryDto } from './dto/export-query.dto';
import { CONTENT_TYPES } from './export-content';
import { ExportsService } from './exports.service';
import { IdParams } from '../common/id-params';

@ApiTags('exports')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('documents/:id/export')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get()
  @ApiFileResponse('The draft, or the version given, as Markdown, DOCX or PDF (an attachment)', ...Object.values(CONTENT_TYPES))
  async export(@CurrentUser() user: User, @Param() { id }: IdParams, @Query() query: ExportQueryDto) {
    const file = await this.exports.export(user, id, query);
    return new StreamableFile(file.body, { type: file.contentType, disposition: file.disposition, length: file.body.length });
  }
}
