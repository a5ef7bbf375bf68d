import type { BodyDto, ListResponse } from '@coupole/shared';
import { Body as RequestBody, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCookieAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { Roles } from '../auth/decorators/roles.decorator';
import { User } from '../users/user.entity';
import { BodiesService } from './bodies.service';
import { CreateBodyDto, UpdateBodyDto } from './dto/body-input.dto';
import { BodyListResponseDto, BodyResponseDto } from './dto/body.dto';
import { IdParams } from '../common/id-params';

@ApiTags('representation')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('bodies')
export class BodiesController {
  constructor(private readonly bodies: BodiesService) {}

  @Get()
  @ApiOperation({ summary: 'Bodies (instances) where the Coupole or a federation sits, by name (members; observers are refused)' })
  @ApiOkResponse({ type: BodyListResponseDto })
  list(@CurrentUser() user: User): Promise<ListResponse<BodyDto>> {
    return this.bodies.list(user);
  }

  @Post()
  @Roles('admin', 'facilitator')
  @ApiCreatedResponse({ type: BodyResponseDto })
  create(@CurrentUser() user: User, @RequestBody() body: CreateBodyDto): Promise<BodyDto> {
    return this.bodies.create(user, body);
  }

  @Patch(':id')
  @Roles('admin', 'facilitator')
  @ApiOkResponse({ type: BodyResponseDto })
  update(@CurrentUser() user: User, @Param() { id }: IdParams, @RequestBody() body: UpdateBodyDto): Promise<BodyDto> {
    return this.bodies.update(user, id, body);
  }

  @Delete(':id')
  @Roles('admin', 'facilitator')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deletes a body that no mandate or meeting names (else 409 body_in_use: rename it instead)' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'body_in_use' })
  delete(@CurrentUser() user: User, @Param() { id }: IdParams): Promise<void> {
    return this.bodies.delete(user, id);
  }
}
