import {
  INFO_TOPICS,
  INFO_VISIBILITIES,
  type InfoAttachmentDto,
  type InfoDto,
  type InfoPermissions,
  type InfoTopic,
  type InfoVisibility,
  type ListResponse,
} from '@coupole/shared';
import { ApiProperty } from '@nestjs/swagger';
import { toUserRef, UserRefResponseDto } from '../../users/dto/user-ref.dto';
import type { Info } from '../info.entity';
import { ListResponseDto } from '../../common/list-response.dto';

class InfoAttachmentResponseDto implements InfoAttachmentDto {
  @ApiProperty()
  fileName: string;

  @ApiProperty({ description: 'Bytes' })
  size: number;

  @ApiProperty({ enum: ['application/pdf'] })
  contentType: 'application/pdf';
}

class InfoPermissionsResponseDto implements InfoPermissions {
  @ApiProperty()
  read: boolean;

  @ApiProperty()
  comment: boolean;

  @ApiProperty()
  edit: boolean;
}

/** What an info says, as the watch and the public site both show it. */
export abstract class InfoContentResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ description: 'Markdown' })
  body: string;

  @ApiProperty({ nullable: true, type: String })
  sourceUrl: string | null;

  @ApiProperty({ enum: INFO_TOPICS, isArray: true })
  topics: InfoTopic[];
}

export function toInfoContent(info: Info): Pick<InfoDto, 'id' | 'title' | 'body' | 'sourceUrl' | 'topics'> {
  return { id: info.id, title: info.title, body: info.body, sourceUrl: info.sourceUrl, topics: info.topics };
}

export class InfoResponseDto extends InfoContentResponseDto implements InfoDto {

  @ApiProperty()
  toDiscuss: boolean;

  @ApiProperty({ enum: INFO_VISIBILITIES })
  visibility: InfoVisibility;

  @ApiProperty({ type: UserRefResponseDto })
  author: UserRefResponseDto;

  @ApiProperty({ nullable: true, type: String })
  federation: string | null;

  @ApiProperty({ nullable: true, type: InfoAttachmentResponseDto })
  attachment: InfoAttachmentResponseDto | null;

  @ApiProperty({ type: InfoPermissionsResponseDto })
  permissions: InfoPermissionsResponseDto;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class InfoListResponseDto extends ListResponseDto(InfoResponseDto) implements ListResponse<InfoDto> {}

export function toInfoDto(info: Info, permissions: InfoPermissions): InfoDto {
  if (!info.author) throw new Error(`info ${info.id} loaded without its author`);
  return {
    ...toInfoContent(info),
    toDiscuss: info.toDiscuss,
    visibility: info.visibility,
    author: toUserRef(info.author),
    federation: info.federationSlug,
    attachment: info.attachment ? { fileName: info.attachment.fileName, size: info.attachment.size, contentType: 'application/pdf' } : null,
    permissions,
    createdAt: info.createdAt.toISOString(),
    updatedAt: info.updatedAt.toISOString(),
  };
}
