import type { LoginResponse } from '@coupole/shared';
import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { UserResponseDto } from '../../users/dto/user.dto';

export class LoginDto {
  @ApiProperty({ format: 'email', example: 'aleap@demo.coupole.be' })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ format: 'password', example: 'coupole-demo' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password: string;
}

export class LoginResponseDto implements LoginResponse {
  @ApiProperty({ description: 'JWT, also set as the httpOnly session cookie' })
  accessToken: string;

  @ApiProperty({ type: UserResponseDto })
  user: UserResponseDto;

  @ApiProperty({ format: 'date-time', description: 'When this token expires (15 minutes): renew it with POST /api/auth/refresh' })
  accessTokenExpiresAt: string;

  @ApiProperty({ format: 'date-time', description: 'When the sign-in ends (12 hours), however often its token is renewed' })
  sessionExpiresAt: string;
}
