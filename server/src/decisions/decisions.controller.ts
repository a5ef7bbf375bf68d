import type { DecisionChainVerification, DecisionDetailDto, DecisionSummaryDto, ListResponse, PublishedHead } from '@coupole/shared';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { Public } from '../auth/decorators/public.decorator';
import { User } from '../users/user.entity';
import { DecisionsService } from './decisions.service';
import { DecisionQueryDto } from './dto/decision-query.dto';
import {
  DecisionChainVerificationResponseDto,
  DecisionDetailResponseDto,
  DecisionListResponseDto,
} from './dto/decision-response.dto';
import { RegisterHeadResponseDto } from './dto/register-head.dto';
import { VerifyQueryDto } from './dto/verify-query.dto';
import { DecisionSeqParams } from './dto/decision-seq.params';

/** The decision register: read-only over HTTP (decisions are appended when a round closes). */
@ApiTags('decisions')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('decisions')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Get()
  @ApiOperation({ summary: 'Search the register (French full text and filters), newest first' })
  @ApiOkResponse({ type: DecisionListResponseDto })
  list(@CurrentUser() user: User, @Query() query: DecisionQueryDto): Promise<ListResponse<DecisionSummaryDto>> {
    return this.decisions.list(user, query);
  }

  // Declared before ':seq' so "verify" and "head" are never read as a seq.
  @Get('verify')
  @ApiOperation({
    summary: 'Recompute the hash chain, check the served columns and decided texts, and name the first broken link',
    description: 'With `length` and `head` published earlier, also fails when the chain no longer holds that head.',
  })
  @ApiOkResponse({ type: DecisionChainVerificationResponseDto })
  verify(@CurrentUser() user: User, @Query() query: VerifyQueryDto): Promise<DecisionChainVerification> {
    return this.decisions.verifyFor(user, query.head === undefined || query.length === undefined ? undefined : { length: query.length, head: query.head });
  }

  /** Public, so that anyone (the public site, a partner) can keep a copy of the head. */
  @Public()
  @Get('head')
  @ApiOperation({ summary: 'The register head to publish and archive: its length and last hash (no session needed)' })
  @ApiOkResponse({ type: RegisterHeadResponseDto })
  head(): Promise<PublishedHead> {
    return this.decisions.head();
  }

  @Get(':seq')
  @ApiOperation({ summary: 'One decision: the decided text, positions, reservations, objections, hashes' })
  @ApiOkResponse({ type: DecisionDetailResponseDto })
  get(@CurrentUser() user: User, @Param() { seq }: DecisionSeqParams): Promise<DecisionDetailDto> {
    return this.decisions.get(user, seq);
  }
}
