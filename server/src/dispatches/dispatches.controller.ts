import type { DispatchDto, ListResponse } from '@coupole/shared';
import { Body, Controller, Delete, Get, Param, Patch, Post, Query, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { Roles } from '../auth/decorators/roles.decorator';

import { User } from '../users/user.entity';
import { DispatchesService } from './dispatches.service';
import { CreateDispatchDto, DispatchListResponseDto, DispatchResponseDto, ListDispatchesQueryDto, UpdateDispatchDto } from './dto/dispatch.dto';
import { ApiFileResponse } from '../common/api-file-response';
import { IdParams } from '../common/id-params';
import { pdfDownload, PdfUpload, type UploadedPdf } from '../common/pdf-files';

@ApiTags('representation')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller()
export class DispatchesController {
  constructor(private readonly dispatches: DispatchesService) {}

  @Get('dispatches')
  @ApiOperation({ summary: 'Every dispatch (open=true: still to send or awaiting an answer; overdue=true: only overdue)' })
  @ApiOkResponse({ type: DispatchListResponseDto })
  list(@CurrentUser() user: User, @Query() query: ListDispatchesQueryDto): Promise<ListResponse<DispatchDto>> {
    return this.dispatches.list(user, query);
  }

  @Get('documents/:id/dispatches')
  @ApiOkResponse({ type: DispatchListResponseDto })
  listForDocument(@CurrentUser() user: User, @Param() { id }: IdParams): Promise<ListResponse<DispatchDto>> {
    return this.dispatches.listForDocument(user, id);
  }

  @Post('documents/:id/dispatches')
  @Roles('admin', 'facilitator')
  @ApiCreatedResponse({ type: DispatchResponseDto })
  @ApiConflictResponse({ description: 'The document is not adopted, or is not a courrier, question_parlementaire or memorandum' })
  create(@CurrentUser() user: User, @Param() { id }: IdParams, @Body() body: CreateDispatchDto): Promise<DispatchDto> {
    return this.dispatches.create(user, id, body);
  }

  @Post('dispatches/:id/answer-file')
  @Roles('admin', 'facilitator')
  @PdfUpload()
  @ApiOperation({ summary: "Attach (or replace) the answer's PDF: multipart field `file`, a PDF of at most 10 MB" })
  @ApiCreatedResponse({ type: DispatchResponseDto })
  attachAnswerFile(@CurrentUser() user: User, @Param() { id }: IdParams, @UploadedFile() file: UploadedPdf | undefined): Promise<DispatchDto> {
    return this.dispatches.attachAnswerFile(user, id, file);
  }

  @Get('dispatches/:id/answer-file')
  @ApiOperation({ summary: "Download the answer's PDF" })
  @ApiFileResponse('The PDF of the answer', 'application/pdf')
  async answerFile(@CurrentUser() user: User, @Param() { id }: IdParams): Promise<StreamableFile> {
    return pdfDownload(await this.dispatches.answerFile(user, id));
  }

  @Delete('dispatches/:id/answer-file')
  @Roles('admin', 'facilitator')
  @ApiOkResponse({ type: DispatchResponseDto })
  detachAnswerFile(@CurrentUser() user: User, @Param() { id }: IdParams): Promise<DispatchDto> {
    return this.dispatches.detachAnswerFile(user, id);
  }

  @Patch('dispatches/:id')
  @Roles('admin', 'facilitator')
  @ApiOkResponse({ type: DispatchResponseDto })
  @ApiConflictResponse({ description: 'The status machine refuses the move' })
  update(@CurrentUser() user: User, @Param() { id }: IdParams, @Body() body: UpdateDispatchDto): Promise<DispatchDto> {
    return this.dispatches.update(user, id, body);
  }
}
