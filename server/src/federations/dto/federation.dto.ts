import {
  FEDERATION_SLUGS,
  MANDATES,
  type FederationDto,
  type FederationMemberDto,
  type FederationSlug,
  type ListResponse,
  type Mandate,
} from '@coupole/shared';
import { ApiProperty } from '@nestjs/swagger';
import { ListResponseDto } from '../../common/list-response.dto';

export class FederationMemberResponseDto implements FederationMemberDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ format: 'email', required: false, description: 'Only for the secretariat, admins and the member’s own federation' })
  email?: string;

  @ApiProperty({ enum: MANDATES })
  mandate: Mandate;
}

export class FederationResponseDto implements FederationDto {
  @ApiProperty({ enum: FEDERATION_SLUGS })
  slug: FederationSlug;

  @ApiProperty()
  name: string;

  @ApiProperty({ format: 'uri' })
  website: string;

  @ApiProperty({ example: '#0072B2' })
  colour: string;

  @ApiProperty({ type: [FederationMemberResponseDto], description: 'Active representatives, titular first' })
  representatives: FederationMemberResponseDto[];
}

export class FederationListResponseDto extends ListResponseDto(FederationResponseDto) implements ListResponse<FederationDto> {}
