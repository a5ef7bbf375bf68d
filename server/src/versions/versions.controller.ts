import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import type { User } from '../users/user.entity';
import { CreateVersionDto } from './dto/create-version.dto';
import { DiffQueryDto, parseDiffSide } from './dto/diff-query.dto';
import {
  RestoreResponseDto,
  VersionDiffResponseDto,
  VersionListResponseDto,
  VersionResponseDto,
} from './dto/version.dto';

import { VersionParams } from './dto/version-params.dto';
import { VersionsService } from './versions.service';
import { IdParams } from '../common/id-params';

@ApiTags('versions')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('documents/:id')
export class VersionsController {
  constructor(private readonly versions: VersionsService) {}

  @Get('versions')
  @ApiOkResponse({ type: VersionListResponseDto })
  list(@CurrentUser() user: User, @Param() { id }: IdParams) {
    return this.versions.list(user, id);
  }

  @Post('versions')
  @ApiCreatedResponse({ type: VersionResponseDto, description: 'Freezes the current body as the next version' })
  freeze(@CurrentUser() user: User, @Param() { id }: IdParams, @Body() request: CreateVersionDto) {
    return this.versions.freeze(user, id, request);
  }

  @Get('versions/:number')
  @ApiOkResponse({ type: VersionResponseDto })
  read(@CurrentUser() user: User, @Param() { id, number }: VersionParams) {
    return this.versions.read(user, id, number);
  }

  @Post('versions/:number/restore')
  @HttpCode(200)
  @ApiOkResponse({ type: RestoreResponseDto, description: 'The version’s text becomes the draft, as a new edit' })
  restore(@CurrentUser() user: User, @Param() { id, number }: VersionParams) {
    return this.versions.restore(user, id, number);
  }

  @Get('diff')
  @ApiOkResponse({ type: VersionDiffResponseDto })
  diff(@CurrentUser() user: User, @Param() { id }: IdParams, @Query() query: DiffQueryDto) {
    return this.versions.diff(user, id, parseDiffSide(query.from), parseDiffSide(query.to));
  }
}
