import type { ConsultationDto, ConsultationResultsDto } from '@coupole/shared';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { Roles } from '../auth/decorators/roles.decorator';
import { ApiFileResponse } from '../common/api-file-response';
import { IdParams } from '../common/id-params';
import type { User } from '../users/user.entity';
import { CreateConsultationDto, ScopeCountDto, UpdateConsultationDto } from './dto/consultation-input.dto';
import {
  ConsultationResponseDto,
  ConsultationResultsResponseDto,
  InvitationResponseDto,
  LaunchResponseDto,
  ScopeCountResponseDto,
} from './dto/consultation-response.dto';
import { InvitationParams, ResultsExportQueryDto, ResultsQueryDto } from './dto/results-query.dto';
import { ConsultationsService, type InvitationDto } from './consultations.service';

@ApiTags('consultations')
@ApiBearerAuth()
@ApiCookieAuth()
// Observers see nothing of the ILI (DESIGN §7).
@Roles('admin', 'facilitator', 'representative')
@Controller('consultations')
export class ConsultationsController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Get()
  @ApiOkResponse({ type: [ConsultationResponseDto], description: 'The consultations the caller may see, newest first.' })
  list(@CurrentUser() user: User): Promise<ConsultationDto[]> {
    return this.consultations.list(user);
  }

  @Post()
  @ApiCreatedResponse({ type: ConsultationResponseDto, description: 'A draft: the secretariat’s for the Coupole, a representative’s for its federation.' })
  create(@CurrentUser() user: User, @Body() body: CreateConsultationDto): Promise<ConsultationDto> {
    return this.consultations.create(user, body);
  }

  @Post('scope-count')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ScopeCountResponseDto })
  scopeCount(@CurrentUser() user: User, @Body() body: ScopeCountDto): Promise<{ invited: number }> {
    return this.consultations.scopeCount(user, body.scope);
  }

  @Get(':id')
  @ApiOkResponse({ type: ConsultationResponseDto })
  get(@CurrentUser() user: User, @Param() { id }: IdParams): Promise<ConsultationDto> {
    return this.consultations.get(user, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: ConsultationResponseDto, description: '409 consultation_launched when questions, scope, anonymity or series change after launch.' })
  update(@CurrentUser() user: User, @Param() { id }: IdParams, @Body() body: UpdateConsultationDto): Promise<ConsultationDto> {
    return this.consultations.update(user, id, body);
  }

  @Post(':id/launch')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: LaunchResponseDto })
  launch(@CurrentUser() user: User, @Param() { id }: IdParams): Promise<{ invited: number; emailed: number }> {
    return this.consultations.launch(user, id);
  }

  @Post(':id/close')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ConsultationResponseDto })
  close(@CurrentUser() user: User, @Param() { id }: IdParams): Promise<ConsultationDto> {
    return this.consultations.close(user, id);
  }

  @Post(':id/share')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ConsultationResponseDto, description: 'A federation’s consultation becomes visible to every member.' })
  share(@CurrentUser() user: User, @Param() { id }: IdParams): Promise<ConsultationDto> {
    return this.consultations.share(user, id);
  }

  @Get(':id/invitations')
  @ApiOkResponse({ type: [InvitationResponseDto] })
  invitations(@CurrentUser() user: User, @Param() { id }: IdParams): Promise<InvitationDto[]> {
    return this.consultations.invitations(user, id);
  }

  @Post(':id/invitations/:iliId/revoke')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The ILI’s link stops working at once; its answer no longer counts.' })
  revoke(@CurrentUser() user: User, @Param() { id, iliId }: InvitationParams): Promise<void> {
    return this.consultations.revoke(user, id, iliId);
  }

  @Get(':id/results')
  @ApiOkResponse({ type: ConsultationResultsResponseDto })
  results(@CurrentUser() user: User, @Param() { id }: IdParams, @Query() query: ResultsQueryDto): Promise<ConsultationResultsDto> {
    return this.consultations.results(user, id, query);
  }

  @Get(':id/results/export')
  @ApiFileResponse(
    'The answers by ILI, or (anonymous consultation) the aggregates only, as CSV or XLSX.',
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  )
  async export(@CurrentUser() user: User, @Param() { id }: IdParams, @Query() query: ResultsExportQueryDto): Promise<StreamableFile> {
    const file = await this.consultations.exportResults(user, id, query.format ?? 'xlsx');
    return new StreamableFile(file.content, { type: file.contentType, disposition: `attachment; filename="${file.fileName}"`, length: file.content.length });
  }
}
