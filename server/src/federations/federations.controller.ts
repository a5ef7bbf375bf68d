import type { FederationDto, ListResponse } from '@coupole/shared';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { User } from '../users/user.entity';
import { FederationListResponseDto } from './dto/federation.dto';
import { FederationsService } from './federations.service';

@ApiTags('federations')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('federations')
export class FederationsController {
  constructor(private readonly federations: FederationsService) {}

  @Get()
  @ApiOkResponse({ type: FederationListResponseDto })
  list(@CurrentUser() user: User): Promise<ListResponse<FederationDto>> {
    return this.federations.list(user);
  }
}
