import type { LoginResponse, UserDto } from '@coupole/shared';
import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiCookieAuth, ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { CookieOptions, Request, Response } from 'express';
import { AppConfigService } from '../config/app-config.service';
import { toUserDto, UserResponseDto } from '../users/dto/user.dto';
import { User } from '../users/user.entity';
import { ACCESS_TOKEN_COOKIE, ACCESS_TOKEN_TTL_SECONDS, accessTokenFromRequest, Authenticated, SIGNED_IN_HINT_COOKIE } from './access-token';
import { AuthService, LoginDelayedException, LoginResult } from './auth.service';
import { AllowPendingPasswordChange } from './decorators/allow-pending-password-change.decorator';
import { CurrentSession } from './decorators/current-session.decorator';
import { CurrentUser } from './decorators/current-user.decorator';
import { Public } from './decorators/public.decorator';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto, LoginResponseDto } from './dto/login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfigService,
  ) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ public: true })
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address, or failures in a row for this account (wait Retry-After seconds)' })
  async login(@Body() body: LoginDto, @Res({ passthrough: true }) response: Response): Promise<LoginResponse> {
    const result = await this.auth.login(body.email, body.password).catch((error: unknown) => {
      if (error instanceof LoginDelayedException) response.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    });
    return this.issue(result, response);
  }

  /** A new access token for the caller's session, while it lasts (the open app calls it). */
  @AllowPendingPasswordChange()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiBearerAuth()
  @ApiCookieAuth()
  @ApiOkResponse({ type: LoginResponseDto })
  async refresh(@CurrentSession() session: Authenticated, @Res({ passthrough: true }) response: Response): Promise<LoginResponse> {
    return this.issue(await this.auth.refresh(session), response);
  }

  /** Ends this session at once, on every instance (its token and sockets stop working). */
  @Public()
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(accessTokenFromRequest(request));
    this.clearCookies(response);
  }

  /** Ends every session of the caller, this one included. */
  @AllowPendingPasswordChange()
  @Post('logout-everywhere')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiCookieAuth()
  @ApiNoContentResponse()
  async logoutEverywhere(@CurrentUser() user: User, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logoutEverywhere(user);
    this.clearCookies(response);
  }

  @AllowPendingPasswordChange()
  @Get('me')
  @ApiBearerAuth()
  @ApiCookieAuth()
  @ApiOkResponse({ type: UserResponseDto })
  me(@CurrentUser() user: User): UserDto {
    return toUserDto(user);
  }

  @AllowPendingPasswordChange()
  @Post('password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiCookieAuth()
  @ApiNoContentResponse()
  changePassword(@CurrentSession() session: Authenticated, @Body() body: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(session.user, session.sessionId, body.currentPassword, body.newPassword);
  }

  private issue(result: LoginResult, response: Response): LoginResponse {
    const accessTokenExpiresAt = new Date(Date.now() + ACCESS_TOKEN_TTL_SECONDS * 1000);
    response.cookie(ACCESS_TOKEN_COOKIE, result.accessToken, {
      ...this.cookieOptions(),
      maxAge: ACCESS_TOKEN_TTL_SECONDS * 1000,
    });
    response.cookie(SIGNED_IN_HINT_COOKIE, '1', { ...this.cookieOptions(), httpOnly: false, maxAge: ACCESS_TOKEN_TTL_SECONDS * 1000 });
    return {
      accessToken: result.accessToken,
      user: toUserDto(result.user),
      accessTokenExpiresAt: accessTokenExpiresAt.toISOString(),
      sessionExpiresAt: result.sessionExpiresAt.toISOString(),
    };
  }

  private clearCookies(response: Response): void {
    response.clearCookie(ACCESS_TOKEN_COOKIE, this.cookieOptions());
    response.clearCookie(SIGNED_IN_HINT_COOKIE, { ...this.cookieOptions(), httpOnly: false });
  }

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.config.secureCookies, path: '/' };
  }
}
