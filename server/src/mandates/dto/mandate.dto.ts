import { MANDATE_SEATS, type MandateDto, type MandateSeat, type MandateState } from '@coupole/shared';
import { ApiProperty } from '@nestjs/swagger';
import { BodyRefResponseDto } from '../../bodies/dto/body.dto';
import { UserRefResponseDto } from '../../users/dto/user-ref.dto';
import { ListResponseDto } from '../../common/list-response.dto';

export class MandateResponseDto implements MandateDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: BodyRefResponseDto })
  body: BodyRefResponseDto;

  @ApiProperty({ type: UserRefResponseDto })
  holder: UserRefResponseDto;

  @ApiProperty({ example: 'aleap' })
  federation: string;

  @ApiProperty({ enum: MANDATE_SEATS })
  seat: MandateSeat;

  @ApiProperty({ format: 'date' })
  startDate: string;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  endDate: string | null;

  @ApiProperty()
  note: string;

  @ApiProperty({ enum: ['upcoming', 'current', 'past'] })
  state: MandateState;

  @ApiProperty({ description: 'Ends within 60 days.' })
  endingSoon: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class MandateListResponseDto extends ListResponseDto(MandateResponseDto) {}
