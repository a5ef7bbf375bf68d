import type { ListResponse, MandateDto } from '@coupole/shared';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { Roles } from '../auth/decorators/roles.decorator';
import { User } from '../users/user.entity';
import { CreateMandateDto, ListMandatesQueryDto, UpdateMandateDto } from './dto/mandate-input.dto';
import { MandateListResponseDto, MandateResponseDto } from './dto/mandate.dto';
import { MandatesService } from './mandates.service';
import { IdParams } from '../common/id-params';

@ApiTags('representation')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('mandates')
export class MandatesController {
  constructor(private readonly mandates: MandatesService) {}

  @Get()
  @ApiOperation({ summary: 'The register of mandates (members; observers are refused)' })
  @ApiOkResponse({ type: MandateListResponseDto })
  list(@CurrentUser() user: User, @Query() query: ListMandatesQueryDto): Promise<ListResponse<MandateDto>> {
    return this.mandates.list(user, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: MandateResponseDto })
  get(@CurrentUser() user: User, @Param() { id }: IdParams): Promise<MandateDto> {
    return this.mandates.get(user, id);
  }

  @Post()
  @Roles('admin', 'facilitator')
  @ApiCreatedResponse({ type: MandateResponseDto })
  create(@CurrentUser() user: User, @Body() body: CreateMandateDto): Promise<MandateDto> {
    return this.mandates.create(user, body);
  }

  @Patch(':id')
  @Roles('admin', 'facilitator')
  @ApiOkResponse({ type: MandateResponseDto })
  update(@CurrentUser() user: User, @Param() { id }: IdParams, @Body() body: UpdateMandateDto): Promise<MandateDto> {
    return this.mandates.update(user, id, body);
  }
}
