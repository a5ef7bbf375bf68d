import type { DigestPreferenceDto } from '@coupole/shared';
import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import type { User } from '../users/user.entity';
import { DigestsService } from './digests.service';
import { DigestPreferenceRequestDto, DigestPreferenceResponseDto } from './dto/digest-preference.dto';

@ApiTags('infos')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('me/digest')
export class DigestsController {
  constructor(private readonly digests: DigestsService) {}

  @Get()
  @ApiOkResponse({ type: DigestPreferenceResponseDto })
  get(@CurrentUser() user: User): Promise<DigestPreferenceDto> {
    return this.digests.preference(user);
  }

  @Put()
  @ApiOkResponse({ type: DigestPreferenceResponseDto })
  set(@CurrentUser() user: User, @Body() body: DigestPreferenceRequestDto): Promise<DigestPreferenceDto> {
    return this.digests.setPreference(user, body.frequency);
  }
}
