import {
  FEDERATION_SLUGS,
  ListResponse,
  MANDATES,
  ROLES,
  type CreateUserResponse,
  type Mandate,
  type Role,
  type UserDto,
} from '@coupole/shared';
import { ApiProperty } from '@nestjs/swagger';
import { User } from '../user.entity';
import { ListResponseDto } from '../../common/list-response.dto';

export class UserResponseDto implements UserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'email' })
  email: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ enum: FEDERATION_SLUGS, nullable: true, type: String })
  federation: string | null;

  @ApiProperty({ enum: MANDATES, nullable: true, type: String })
  mandate: Mandate | null;

  @ApiProperty()
  active: boolean;

  @ApiProperty()
  mustChangePassword: boolean;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Last successful sign-in; null if never' })
  lastSignInAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class UserListResponseDto extends ListResponseDto(UserResponseDto) implements ListResponse<UserDto> {}

export class CreateUserResponseDto implements CreateUserResponse {
  @ApiProperty({ type: UserResponseDto })
  user: UserResponseDto;

  @ApiProperty({ description: 'Shown once; the user must change it at first login.' })
  temporaryPassword: string;
}

/** The only way a user leaves the server: never the password hash. */
export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    federation: user.federationSlug,
    mandate: user.mandate,
    active: user.active,
    mustChangePassword: user.mustChangePassword,
    lastSignInAt: user.lastSignInAt ? user.lastSignInAt.toISOString() : null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
