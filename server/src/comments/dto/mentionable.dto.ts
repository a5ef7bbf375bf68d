import { FEDERATION_SLUGS, ROLES, type FederationSlug, type ListResponse, type MentionableDto, type Role } from '@coupole/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One entry of the @ list: a federation or a person who may read the document (never an e-mail). */
export class MentionableResponseDto {
  @ApiProperty({ enum: ['person', 'federation'] })
  kind: 'person' | 'federation';

  @ApiProperty({ description: 'A user id (person) or a federation slug' })
  id: string;

  @ApiProperty({ description: 'What to write after @ in a comment: a name handle ("nadia-benali"), else the user id; a federation slug' })
  handle: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ enum: FEDERATION_SLUGS, nullable: true, type: String })
  federation: FederationSlug | null;

  @ApiPropertyOptional({ enum: ROLES, description: 'People only' })
  role?: Role;
}

export class MentionableListResponseDto implements ListResponse<MentionableDto> {
  @ApiProperty({ type: [MentionableResponseDto] })
  items: MentionableDto[];

  @ApiProperty()
  total: number;
}
