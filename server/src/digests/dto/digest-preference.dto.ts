import { DIGEST_FREQUENCIES, type DigestFrequency, type DigestPreferenceDto } from '@coupole/shared';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export class DigestPreferenceRequestDto implements DigestPreferenceDto {
  @ApiProperty({ enum: DIGEST_FREQUENCIES, description: 'E-mail of new infos: never, every day or every Monday at 08:00 Brussels time' })
  @IsIn(DIGEST_FREQUENCIES)
  frequency: DigestFrequency;
}

export class DigestPreferenceResponseDto implements DigestPreferenceDto {
  @ApiProperty({ enum: DIGEST_FREQUENCIES })
  frequency: DigestFrequency;
}
