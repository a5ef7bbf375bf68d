import type { CreateUserResponse } from '@coupole/shared';
import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParams } from '../common/id-params';
import { CreateUserResponseDto } from '../users/dto/user.dto';
import { User } from '../users/user.entity';
import { AuthService } from './auth.service';
import { CurrentUser } from './decorators/current-user.decorator';
import { Roles } from './decorators/roles.decorator';

/** Beside the accounts routes, but here: a reset ends the account's sessions, which auth owns. */
@ApiTags('users')
@ApiBearerAuth()
@ApiCookieAuth()
@Roles('admin')
@Controller('users')
export class PasswordResetController {
  constructor(private readonly auth: AuthService) {}

  @Post(':id/password-reset')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'A temporary password (shown once) to change at the next sign-in; the account is signed out everywhere' })
  @ApiOkResponse({ type: CreateUserResponseDto })
  reset(@CurrentUser() actor: User, @Param() { id }: IdParams): Promise<CreateUserResponse> {
    return this.auth.resetPassword(actor, id);
  }
}
