import type { BodyDto, ListResponse } from '@coupole/shared';
import { Body as RequestBody, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { Roles } from '../auth/decorators/roles.decorator';
import { User } from '../users/user.entity';
import { BodiesService } from './bodies.service';
import { BodyIdParams, CreateBodyDto, UpdateBodyDto } from './dto/body-input.dto';
import { BodyListResponseDto, BodyResponseDto } from './dto/body.dto';

@ApiTags('representation')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('bodies')
export class BodiesController {
  constructor(private readonly bodies: BodiesService) {}

  @Get()
  @ApiOperation({ summary: 'Bodies (instances) where the Coupole or a federation sits, by name' })
  @ApiOkResponse({ type: BodyListResponseDto })
  list(): Promise<ListResponse<BodyDto>> {
    return this.bodies.list();
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
  update(@CurrentUser() user: User, @Param() { id }: BodyIdParams, @RequestBody() body: UpdateBodyDto): Promise<BodyDto> {
    return this.bodies.update(user, id, body);
  }
}
