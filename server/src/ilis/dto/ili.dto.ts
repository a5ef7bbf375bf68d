import {
  AFFILIATIONS,
  FEDERATION_SLUGS,
  PROVINCES,
  type Affiliation,
  type FederationSlug,
  type IliDto,
  type IliImportError,
  type IliImportResult,
  type IliLandscapeDto,
  type ListResponse,
  type Province,
} from '@coupole/shared';
import { ApiProperty } from '@nestjs/swagger';
import type { Ili } from '../ili.entity';

export class IliResponseDto implements IliDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  commune: string;

  @ApiProperty({ example: '5000' })
  postalCode: string;

  @ApiProperty({ enum: PROVINCES })
  province: Province;

  @ApiProperty({ enum: AFFILIATIONS })
  affiliation: Affiliation;

  @ApiProperty({ enum: FEDERATION_SLUGS, nullable: true, type: String })
  federation: FederationSlug | null;

  @ApiProperty({ nullable: true, type: String })
  email: string | null;

  @ApiProperty({ nullable: true, type: String })
  phone: string | null;

  @ApiProperty({ nullable: true, type: String })
  website: string | null;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class IliListResponseDto implements ListResponse<IliDto> {
  @ApiProperty({ type: [IliResponseDto] })
  items: IliResponseDto[];

  @ApiProperty()
  total: number;
}

class IliImportErrorDto implements IliImportError {
  @ApiProperty({ description: 'Line in the file; the header is line 1.' })
  row: number;

  @ApiProperty()
  message: string;
}

class IliImportRowDto {
  @ApiProperty()
  row: number;

  @ApiProperty()
  name: string;

  @ApiProperty()
  commune: string;

  @ApiProperty()
  postalCode: string;

  @ApiProperty({ enum: ['create', 'update', 'error'] })
  action: 'create' | 'update' | 'error';
}

export class IliImportResponseDto implements IliImportResult {
  @ApiProperty({ description: 'True when nothing was written.' })
  dryRun: boolean;

  @ApiProperty()
  created: number;

  @ApiProperty()
  updated: number;

  @ApiProperty({ type: [IliImportErrorDto] })
  errors: IliImportErrorDto[];

  @ApiProperty({ type: [IliImportRowDto] })
  rows: IliImportRowDto[];
}

class CountsByAffiliationDto implements Record<Affiliation, number> {
  @ApiProperty() federation: number;
  @ApiProperty() copili: number;
  @ApiProperty() none: number;
}

class CountsByFederationDto implements Record<FederationSlug, number> {
  @ApiProperty() aleap: number;
  @ApiProperty() caips: number;
  @ApiProperty() codef: number;
  @ApiProperty() fdss: number;
  @ApiProperty() risome: number;
}

class CountsByProvinceDto implements Record<Province, number> {
  @ApiProperty() brabant_wallon: number;
  @ApiProperty() hainaut: number;
  @ApiProperty() liege: number;
  @ApiProperty() luxembourg: number;
  @ApiProperty() namur: number;
}

export class IliLandscapeResponseDto implements IliLandscapeDto {
  @ApiProperty({ description: 'Active ILI.' })
  total: number;

  @ApiProperty({ type: CountsByAffiliationDto })
  byAffiliation: CountsByAffiliationDto;

  @ApiProperty({ type: CountsByFederationDto })
  byFederation: CountsByFederationDto;

  @ApiProperty({ type: CountsByProvinceDto })
  byProvince: CountsByProvinceDto;
}

export function toIliDto(ili: Ili): IliDto {
  return {
    id: ili.id,
    name: ili.name,
    commune: ili.commune,
    postalCode: ili.postalCode,
    province: ili.province,
    affiliation: ili.affiliation,
    federation: ili.federationSlug,
    email: ili.email,
    phone: ili.phone,
    website: ili.website,
    active: ili.active,
    createdAt: ili.createdAt.toISOString(),
    updatedAt: ili.updatedAt.toISOString(),
  };
}
