import type { IliDto, IliImportResult, IliLandscapeDto, ListResponse } from '@coupole/shared';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, StreamableFile, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { AcceptsMultipart } from '../common/json-only.guard';
import type { User } from '../users/user.entity';
import { CreateIliDto, UpdateIliDto } from './dto/ili-fields.dto';
import { IliImportResponseDto, IliLandscapeResponseDto, IliListResponseDto, IliResponseDto } from './dto/ili.dto';
import { ExportIlisQueryDto, IMPORT_ILIS_FORM, ImportIlisQueryDto, ListIlisQueryDto } from './dto/list-ilis.query';
import { ILI_IMPORT_MAX_BYTES } from './ili-spreadsheet';
import { IlisService, type UploadedSpreadsheet } from './ilis.service';
import { SpreadsheetUploadFilter } from './spreadsheet-upload.filter';
import { ApiFileResponse } from '../common/api-file-response';
import { Roles } from '../auth/decorators/roles.decorator';
import { IdParams } from '../common/id-params';

@ApiTags('ilis')
@ApiBearerAuth()
@ApiCookieAuth()
// Observers read nothing of the directory (DESIGN §7): refused before any validation.
@Roles('admin', 'facilitator', 'representative')
@Controller('ilis')
export class IlisController {
  constructor(private readonly ilis: IlisService) {}

  @Get()
  @ApiOkResponse({ type: IliListResponseDto })
  list(@CurrentUser() user: User, @Query() query: ListIlisQueryDto): Promise<ListResponse<IliDto>> {
    return this.ilis.list(user, query);
  }

  @Get('landscape')
  @ApiOkResponse({ type: IliLandscapeResponseDto })
  landscape(@CurrentUser() user: User): Promise<IliLandscapeDto> {
    return this.ilis.landscape(user);
  }

  @Get('export')
  @ApiFileResponse(
    'The directory (filters applied) as a CSV or XLSX attachment, in the columns the import reads.',
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  )
  async export(@CurrentUser() user: User, @Query() query: ExportIlisQueryDto): Promise<StreamableFile> {
    const file = await this.ilis.export(user, query);
    return new StreamableFile(file.content, { type: file.contentType, disposition: `attachment; filename="${file.fileName}"`, length: file.content.length });
  }

  @Post('import')
  @HttpCode(200)
  @AcceptsMultipart()
  @UseFilters(SpreadsheetUploadFilter)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: ILI_IMPORT_MAX_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: IMPORT_ILIS_FORM })
  @ApiOkResponse({ type: IliImportResponseDto, description: 'What was (or, with dryRun or any bad row, would be) created and updated; each bad row by line.' })
  import(@CurrentUser() user: User, @UploadedFile() file: UploadedSpreadsheet | undefined, @Query() query: ImportIlisQueryDto): Promise<IliImportResult> {
    return this.ilis.import(user, file, query.dryRun === '1' || query.dryRun === 'true');
  }

  @Post()
  @ApiCreatedResponse({ type: IliResponseDto })
  create(@CurrentUser() user: User, @Body() body: CreateIliDto): Promise<IliDto> {
    return this.ilis.create(user, body);
  }

  @Get(':id')
  @ApiOkResponse({ type: IliResponseDto })
  get(@CurrentUser() user: User, @Param() { id }: IdParams): Promise<IliDto> {
    return this.ilis.get(user, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: IliResponseDto })
  update(@CurrentUser() user: User, @Param() { id }: IdParams, @Body() body: UpdateIliDto): Promise<IliDto> {
    return this.ilis.update(user, id, body);
  }
}
