import type { SeriesDto } from '@coupole/shared';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { Roles } from '../auth/decorators/roles.decorator';
import type { User } from '../users/user.entity';
import { SeriesResponseDto } from './dto/consultation-response.dto';
import { SeriesParams } from './dto/results-query.dto';
import { ConsultationsService } from './consultations.service';

@ApiTags('consultations')
@ApiBearerAuth()
@ApiCookieAuth()
@Roles('admin', 'facilitator', 'representative')
@Controller('series')
export class SeriesController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Get(':slug')
  @ApiOkResponse({ type: SeriesResponseDto, description: 'The barometer: the editions the caller may see, and each question’s trend.' })
  get(@CurrentUser() user: User, @Param() { slug }: SeriesParams): Promise<SeriesDto> {
    return this.consultations.series(user, slug);
  }
}
