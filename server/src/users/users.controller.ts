import type { CreateUserResponse, ListResponse, UserDto, UserRefDto } from '@coupole/shared';
import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { Roles } from '../auth/decorators/roles.decorator';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';

import { CreateUserResponseDto, UserListResponseDto, UserResponseDto } from './dto/user.dto';
import { UserRefListResponseDto } from './dto/user-ref.dto';
import { User } from './user.entity';
import { UsersService } from './users.service';
import { IdParams } from '../common/id-params';

@ApiTags('users')
@ApiBearerAuth()
@ApiCookieAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: UserListResponseDto })
  list(): Promise<ListResponse<UserDto>> {
    return this.users.list();
  }

  /** For the invitation form on a document: names only, to those who may invite (authors too). */
  @Get('observers')
  @Roles('admin', 'facilitator', 'representative')
  @ApiOkResponse({ type: UserRefListResponseDto })
  observers(): Promise<ListResponse<UserRefDto>> {
    return this.users.activeObservers();
  }

  @Post()
  @ApiCreatedResponse({ type: CreateUserResponseDto })
  create(@Body() body: CreateUserDto): Promise<CreateUserResponse> {
    return this.users.create(body);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserResponseDto })
  update(@CurrentUser() actor: User, @Param() { id }: IdParams, @Body() body: UpdateUserDto): Promise<UserDto> {
    return this.users.update(actor, id, body);
  }
}
