import type { ListResponse, UserRefDto } from '@coupole/shared';
import { ApiProperty } from '@nestjs/swagger';
import type { User } from '../user.entity';
import { ListResponseDto } from '../../common/list-response.dto';

export class UserRefResponseDto implements UserRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ nullable: true, type: String })
  federation: string | null;
}

export class UserRefListResponseDto extends ListResponseDto(UserRefResponseDto) implements ListResponse<UserRefDto> {}

/** How a person appears next to what they did (author, actor, editor): never their email. */
export function toUserRef(user: Pick<User, 'id' | 'displayName' | 'federationSlug'>): UserRefDto {
  return { id: user.id, displayName: user.displayName, federation: user.federationSlug };
}
