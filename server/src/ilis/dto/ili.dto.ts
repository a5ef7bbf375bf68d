import {
  AFFILIATIONS,
  FEDERATION_SLUGS,
  PROVINCES,
  type Affiliation,
  type FederationSlug,
  type IliDto,
  type IliFields,
  type IliImportError,
  type IliImportResult,
  type IliLandscapeDto,
  type ListResponse,
  type Province,
} from '@coupole/shared';
import { ApiProperty } from '@nestjs/swagger';
import type { Ili } from '../ili.entity';
import { CountsResponseDto } from '../../common/counts-response.dto';
import { ListResponseDto } from '../../common/list-response.dto';

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

export class IliListResponseDto extends ListResponseDto(IliResponseDto) implements ListResponse<IliDto> {}

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

const CountsByAffiliationDto = CountsResponseDto('CountsByAffiliationDto', AFFILIATIONS);
const CountsByFederationDto = CountsResponseDto('CountsByFederationDto', FEDERATION_SLUGS);
const CountsByProvinceDto = CountsResponseDto('CountsByProvinceDto', PROVINCES);

export class IliLandscapeResponseDto implements IliLandscapeDto {
  @ApiProperty({ description: 'Active ILI.' })
  total: number;

  @ApiProperty({ type: CountsByAffiliationDto })
  byAffiliation: Record<Affiliation, number>;

  @ApiProperty({ type: CountsByFederationDto })
  byFederation: Record<FederationSlug, number>;

  @ApiProperty({ type: CountsByProvinceDto })
  byProvince: Record<Province, number>;
}

export function toIliFields(ili: Ili): IliFields {
  return {
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
  };
}

export function toIliDto(ili: Ili): IliDto {
  return { id: ili.id, ...toIliFields(ili), createdAt: ili.createdAt.toISOString(), updatedAt: ili.updatedAt.toISOString() };
}
