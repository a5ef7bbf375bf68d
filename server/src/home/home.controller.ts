import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { User } from '../users/user.entity';
import { HomeResponseDto } from './dto/home.dto';
import { HomeService } from './home.service';

@ApiTags('home')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('home')
export class HomeController {
  constructor(private readonly home: HomeService) {}

  @Get()
  @ApiOkResponse({ type: HomeResponseDto, description: 'What needs the caller, and what changed since their last visit.' })
  get(@CurrentUser() user: User): Promise<HomeResponseDto> {
    return this.home.get(user);
  }
}
