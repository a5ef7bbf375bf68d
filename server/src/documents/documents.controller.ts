import {
  DOCUMENT_IMPORT_MAX_BYTES,
  type DocumentDetailDto,
  type DocumentListItemDto,
  type ListResponse,
  type TimelineEventDto,
} from '@coupole/shared';
import { Body, Controller, Get, Param, Patch, Post, Query, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { AcceptsMultipart } from '../common/json-only.guard';
import { User } from '../users/user.entity';
import { DocumentsService, UploadedDocx } from './documents.service';
import { CreateDocumentDto } from './dto/create-document.dto';

import { DocumentListResponseDto, DocumentResponseDto, TimelineResponseDto } from './dto/document.dto';
import { IMPORT_DOCUMENT_FORM, ImportDocumentDto } from './dto/import-document.dto';
import { ListDocumentsQueryDto } from './dto/list-documents.query';
import { UpdateDocumentDto } from './dto/update-document.dto';
import { UploadErrorsFilter } from './upload-errors.filter';
import { IdParams } from '../common/id-params';

@ApiTags('documents')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @ApiOkResponse({ type: DocumentListResponseDto })
  list(@CurrentUser() user: User, @Query() query: ListDocumentsQueryDto): Promise<ListResponse<DocumentListItemDto>> {
    return this.documents.list(user, query);
  }

  @Post()
  @ApiCreatedResponse({ type: DocumentResponseDto })
  create(@CurrentUser() user: User, @Body() body: CreateDocumentDto): Promise<DocumentDetailDto> {
    return this.documents.create(user, body);
  }

  @Post('import')
  @AcceptsMultipart()
  @UseFilters(UploadErrorsFilter)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: DOCUMENT_IMPORT_MAX_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: IMPORT_DOCUMENT_FORM })
  @ApiCreatedResponse({ type: DocumentResponseDto })
  import(@CurrentUser() user: User, @UploadedFile() file: UploadedDocx | undefined, @Body() body: ImportDocumentDto): Promise<DocumentDetailDto> {
    return this.documents.importDocx(user, file, body);
  }

  @Get(':id')
  @ApiOkResponse({ type: DocumentResponseDto })
  get(@CurrentUser() user: User, @Param() { id }: IdParams): Promise<DocumentDetailDto> {
    return this.documents.get(user, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: DocumentResponseDto })
  update(@CurrentUser() user: User, @Param() { id }: IdParams, @Body() body: UpdateDocumentDto): Promise<DocumentDetailDto> {
    return this.documents.update(user, id, body);
  }

  @Get(':id/timeline')
  @ApiOkResponse({ type: TimelineResponseDto })
  timeline(@CurrentUser() user: User, @Param() { id }: IdParams): Promise<ListResponse<TimelineEventDto>> {
    return this.documents.timeline(user, id);
  }
}
