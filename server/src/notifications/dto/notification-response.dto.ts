import { NOTIFICATION_KINDS, type ListResponse, type NotificationDto, type NotificationKind } from '@coupole/shared';
import { ApiProperty } from '@nestjs/swagger';
import { ListResponseDto } from '../../common/list-response.dto';

export class NotificationResponseDto implements NotificationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind: NotificationKind;

  @ApiProperty()
  title: string;

  @ApiProperty()
  body: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  documentId: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  roundId: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Where the UI takes the reader (a path on this origin)' })
  link: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  readAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class NotificationListResponseDto extends ListResponseDto(NotificationResponseDto) implements ListResponse<NotificationDto> {
  @ApiProperty({ description: 'How many are unread' })
  unread: number;
}

export class NotificationsReadResponseDto {
  @ApiProperty({ description: 'How many were marked read' })
  updated: number;
}
