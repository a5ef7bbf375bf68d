import {
  FEDERATION_SLUGS,
  MANDATES,
  ROLES,
  type CreateUserRequest,
  type FederationSlug,
  type Mandate,
  type Role,
} from '@coupole/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ format: 'email' })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'Nadia Benali' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ enum: FEDERATION_SLUGS, description: 'Required for a representative, forbidden otherwise.' })
  @IsOptional()
  @IsIn(FEDERATION_SLUGS)
  federation?: FederationSlug;

  @ApiPropertyOptional({ enum: MANDATES, description: 'Required for a representative, forbidden otherwise.' })
  @IsOptional()
  @IsIn(MANDATES)
  mandate?: Mandate;
}
