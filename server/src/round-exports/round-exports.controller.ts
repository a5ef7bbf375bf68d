import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { ApiFileResponse } from '../common/api-file-response';
import { IdParams } from '../common/id-params';
import { CONTENT_TYPES } from '../exports/export-content';
import type { User } from '../users/user.entity';
import { RoundExportQueryDto } from './dto/round-export-query.dto';
import { RoundExportsService } from './round-exports.service';

@ApiTags('rounds')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('rounds/:id/export')
export class RoundExportsController {
  constructor(private readonly roundExports: RoundExportsService) {}

  @Get()
  @ApiFileResponse(
    "The round's frozen version as DOCX, the amendments of the objections raised in it written as Word tracked changes (w:del / w:ins, author \"Person (Fédération)\", date)",
    CONTENT_TYPES.docx,
  )
  async export(@CurrentUser() user: User, @Param() { id }: IdParams, @Query() query: RoundExportQueryDto): Promise<StreamableFile> {
    const file = await this.roundExports.export(user, id, query.format);
    return new StreamableFile(file.body, { type: file.contentType, disposition: file.disposition, length: file.body.length });
  }
}
