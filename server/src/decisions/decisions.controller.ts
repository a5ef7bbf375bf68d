import type { DecisionChainVerification, DecisionDetailDto, DecisionSummaryDto, ListResponse } from '@coupole/shared';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators/current-user.decorator';
import { User } from '../users/user.entity';
import { DecisionsService } from './decisions.service';
import { DecisionQueryDto } from './dto/decision-query.dto';
import {
  DecisionChainVerificationResponseDto,
  DecisionDetailResponseDto,
  DecisionListResponseDto,
} from './dto/decision-response.dto';
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

  // Declared before ':seq' so "verify" is never read as a seq.
  @Get('verify')
  @ApiOperation({ summary: 'Recompute the hash chain and name the first broken link' })
  @ApiOkResponse({ type: DecisionChainVerificationResponseDto })
  verify(): Promise<DecisionChainVerification> {
    return this.decisions.verify();
  }

  @Get(':seq')
  @ApiOperation({ summary: 'One decision: the decided text, positions, reservations, objections, hashes' })
  @ApiOkResponse({ type: DecisionDetailResponseDto })
  get(@CurrentUser() user: User, @Param() { seq }: DecisionSeqParams): Promise<DecisionDetailDto> {
    return this.decisions.get(user, seq);
  }
}
