import {
  AFFILIATIONS,
  FEDERATION_SLUGS,
  ILI_COMMUNE_MAX_LENGTH,
  ILI_EMAIL_MAX_LENGTH,
  ILI_NAME_MAX_LENGTH,
  ILI_PHONE_MAX_LENGTH,
  ILI_WEBSITE_MAX_LENGTH,
  PROVINCES,
  type Affiliation,
  type CreateIliRequest,
  type FederationSlug,
  type Province,
} from '@coupole/shared';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUrl, Matches, MaxLength, MinLength } from 'class-validator';
import { IsOmittable } from '../../common/validation';

export class CreateIliDto implements CreateIliRequest {
  @ApiProperty({ maxLength: ILI_NAME_MAX_LENGTH, example: 'La Passerelle — Namur' })
  @IsString()
  @Matches(/\S/, { message: 'name must not be empty' })
  @MaxLength(ILI_NAME_MAX_LENGTH)
  name: string;

  @ApiProperty({ maxLength: ILI_COMMUNE_MAX_LENGTH, example: 'Namur' })
  @IsString()
  @MinLength(1)
  @MaxLength(ILI_COMMUNE_MAX_LENGTH)
  commune: string;

  @ApiProperty({ example: '5000', description: 'A Walloon postal code; it must lie in the province.' })
  @Matches(/^\d{4}$/, { message: 'postalCode must be four digits' })
  postalCode: string;

  @ApiProperty({ enum: PROVINCES })
  @IsIn(PROVINCES)
  province: Province;

  @ApiProperty({ enum: AFFILIATIONS })
  @IsIn(AFFILIATIONS)
  affiliation: Affiliation;

  @ApiPropertyOptional({ enum: FEDERATION_SLUGS, nullable: true, description: 'Required when affiliation is federation, null otherwise.' })
  @IsOptional()
  @IsIn(FEDERATION_SLUGS)
  federation?: FederationSlug | null;

  @ApiPropertyOptional({ nullable: true, maxLength: ILI_EMAIL_MAX_LENGTH })
  @IsOptional()
  @IsEmail()
  @MaxLength(ILI_EMAIL_MAX_LENGTH)
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: ILI_PHONE_MAX_LENGTH })
  @IsOptional()
  @Matches(/^[+0-9][0-9 ./()-]{5,38}$/, { message: 'phone must be a phone number' })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, maxLength: ILI_WEBSITE_MAX_LENGTH })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(ILI_WEBSITE_MAX_LENGTH)
  website?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}

export class UpdateIliDto extends PartialType(CreateIliDto) {}
