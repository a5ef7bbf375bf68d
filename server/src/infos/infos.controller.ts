import { type DocumentDetailDto, type InfoDto, type ListResponse } from '@coupole/shared';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { DocumentResponseDto } from '../documents/dto/document.dto';
import type { User } from '../users/user.entity';
import { CreateInfoDto } from './dto/create-info.dto';
import { InfoListResponseDto, InfoResponseDto } from './dto/info.dto';
import { ListInfosQueryDto } from './dto/list-infos.query';
import { ToNoteDto } from './dto/to-note.dto';
import { UpdateInfoDto } from './dto/update-info.dto';
import { InfosService } from './infos.service';
import { pdfDownload, PdfUpload, type UploadedPdf } from '../common/pdf-files';
import { IdParams } from '../common/id-params';

@ApiTags('infos')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('infos')
export class InfosController {
  constructor(private readonly infos: InfosService) {}

  @Get()
  @ApiOkResponse({ type: InfoListResponseDto })
  list(@CurrentUser() user: User, @Query() query: ListInfosQueryDto): Promise<ListResponse<InfoDto>> {
    return this.infos.list(user, query);
  }

  @Post()
  @ApiCreatedResponse({ type: InfoResponseDto })
  create(@CurrentUser() user: User, @Body() body: CreateInfoDto): Promise<InfoDto> {
    return this.infos.create(user, body);
  }

  @Get(':id')
  @ApiOkResponse({ type: InfoResponseDto })
  get(@CurrentUser() user: User, @Param() { id }: IdParams): Promise<InfoDto> {
    return this.infos.get(user, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: InfoResponseDto })
  update(@CurrentUser() user: User, @Param() { id }: IdParams, @Body() body: UpdateInfoDto): Promise<InfoDto> {
    return this.infos.update(user, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@CurrentUser() user: User, @Param() { id }: IdParams): Promise<void> {
    return this.infos.remove(user, id);
  }

  @Post(':id/attachment')
  @PdfUpload()
  @ApiCreatedResponse({ type: InfoResponseDto })
  attach(@CurrentUser() user: User, @Param() { id }: IdParams, @UploadedFile() file: UploadedPdf | undefined): Promise<InfoDto> {
    return this.infos.attach(user, id, file);
  }

  @Get(':id/attachment')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async download(@CurrentUser() user: User, @Param() { id }: IdParams): Promise<StreamableFile> {
    return pdfDownload(await this.infos.attachment(user, id));
  }

  @Delete(':id/attachment')
  @ApiOkResponse({ type: InfoResponseDto })
  detach(@CurrentUser() user: User, @Param() { id }: IdParams): Promise<InfoDto> {
    return this.infos.detach(user, id);
  }

  @Post(':id/note')
  @ApiCreatedResponse({ type: DocumentResponseDto, description: 'The new draft document quoting the info' })
  toNote(@CurrentUser() user: User, @Param() { id }: IdParams, @Body() body: ToNoteDto): Promise<DocumentDetailDto> {
    return this.infos.toNote(user, id, body.kind);
  }
}
