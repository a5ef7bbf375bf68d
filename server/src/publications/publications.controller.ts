import type { PublicationStateDto } from '@coupole/shared';
import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { Roles } from '../auth/decorators/roles.decorator';
import { IdParams } from '../common/id-params';
import type { User } from '../users/user.entity';
import { PublicationStateResponseDto } from './dto/publication-response.dto';
import { PublicationsService } from './publications.service';

@ApiTags('publications')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('documents/:id')
export class PublicationsController {
  constructor(private readonly publications: PublicationsService) {}

  @Get('publication')
  @ApiOperation({ summary: 'Whether the document is on the public site, and at which address' })
  @ApiOkResponse({ type: PublicationStateResponseDto })
  state(@CurrentUser() user: User, @Param() { id }: IdParams): Promise<PublicationStateDto> {
    return this.publications.state(user, id);
  }

  @Post('publish')
  @HttpCode(200)
  @Roles('admin', 'facilitator')
  @ApiOperation({ summary: 'Publish the adopted text on the public site (secretariat)' })
  @ApiOkResponse({ type: PublicationStateResponseDto })
  @ApiConflictResponse({ description: '`document_not_adopted`: only an adopted document is published' })
  publish(@CurrentUser() user: User, @Param() { id }: IdParams): Promise<PublicationStateDto> {
    return this.publications.publish(user, id);
  }

  @Post('unpublish')
  @HttpCode(200)
  @Roles('admin', 'facilitator')
  @ApiOperation({ summary: 'Withdraw the text from the public site; its page then says when (secretariat)' })
  @ApiOkResponse({ type: PublicationStateResponseDto })
  @ApiConflictResponse({ description: '`not_published`: the text is not on the public site' })
  unpublish(@CurrentUser() user: User, @Param() { id }: IdParams): Promise<PublicationStateDto> {
    return this.publications.unpublish(user, id);
  }
}
