import {
  FEDERATION_SLUGS,
  MANDATES,
  ROLES,
  type FederationSlug,
  type Mandate,
  type Role,
  type UpdateUserRequest,
} from '@coupole/shared';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable } from '../../common/validation';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** Absent fields are left unchanged; `null` clears federation or mandate. */
export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOmittable()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ enum: FEDERATION_SLUGS, nullable: true, type: String })
  @IsOptional()
  @IsIn(FEDERATION_SLUGS)
  federation?: FederationSlug | null;

  @ApiPropertyOptional({ enum: MANDATES, nullable: true, type: String })
  @IsOptional()
  @IsIn(MANDATES)
  mandate?: Mandate | null;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}
