import { Controller, Get, Param, Req, Res, UseGuards } from '@nestjs/common';
import { ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { Public } from '../auth/decorators/public.decorator';
import { IdParams } from '../common/id-params';
import { pdfContentDisposition } from '../common/pdf-files';
import { AppConfigService } from '../config/app-config.service';
import { PublicInfoListResponseDto, PublicPositionListResponseDto, PublicPositionResponseDto } from './dto/publication-response.dto';
import { PublicSlugParams } from './dto/public-slug.params';
import { contentEtag, sendCached, sendNotModified } from './http-cache';
import { PublicSiteService } from './public-site.service';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The public site's API: no session, read-only, cached (ETag and Cache-Control, 304 on
 * If-None-Match) and limited per address (`public` throttler, behind TRUSTED_PROXIES).
 */
@ApiTags('public')
@Public()
@SkipThrottle({ login: true })
@UseGuards(ThrottlerGuard)
@ApiTooManyRequestsResponse({ description: 'Too many requests from this address: wait a minute' })
@Controller('public')
export class PublicSiteController {
  constructor(
    private readonly site: PublicSiteService,
    private readonly config: AppConfigService,
  ) {}

  @Get('positions')
  @ApiOperation({ summary: 'Published positions, newest first, with the decision register’s head' })
  @ApiOkResponse({ type: PublicPositionListResponseDto })
  async positions(@Req() request: Request, @Res() response: Response): Promise<void> {
    sendCached(request, response, JSON.stringify(await this.site.positions()), JSON_TYPE);
  }

  // Declared before ':slug' only for readability: a slug never contains a slash.
  @Get('positions/:slug/pdf')
  @ApiOperation({ summary: 'The published position as PDF' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiGoneResponse({ description: 'The text was withdrawn from the public site' })
  @ApiNotFoundResponse()
  async pdf(@Param() { slug }: PublicSlugParams, @Req() request: Request, @Res() response: Response): Promise<void> {
    // Rendered only when the caller does not hold this version already.
    if (sendNotModified(request, response, contentEtag(await this.site.pdfIdentity(slug)))) return;
    const pdf = await this.site.pdf(slug);
    response.setHeader('Content-Disposition', `inline; filename="${pdf.fileName}"`);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Content-Type', pdf.contentType);
    response.status(200).end(pdf.body);
  }

  @Get('positions/:slug')
  @ApiOperation({
    summary: 'One published position',
    description: 'A withdrawn position answers 200 with `withdrawnAt` set and no text, stances or hashes (its page says when it was withdrawn).',
  })
  @ApiOkResponse({ type: PublicPositionResponseDto })
  @ApiNotFoundResponse()
  async position(@Param() { slug }: PublicSlugParams, @Req() request: Request, @Res() response: Response): Promise<void> {
    sendCached(request, response, JSON.stringify(await this.site.position(slug)), JSON_TYPE);
  }

  @Get('infos')
  @ApiOperation({ summary: 'Public infos, most recently published first' })
  @ApiOkResponse({ type: PublicInfoListResponseDto })
  async infos(@Req() request: Request, @Res() response: Response): Promise<void> {
    sendCached(request, response, JSON.stringify(await this.site.infoList()), JSON_TYPE);
  }

  @Get('infos/:id/attachment')
  @ApiOperation({ summary: 'A public info’s PDF attachment' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse()
  async attachment(@Param() { id }: IdParams, @Req() request: Request, @Res() response: Response): Promise<void> {
    const file = await this.site.infoAttachment(id);
    sendCached(request, response, file.content, 'application/pdf', {
      'Content-Disposition': pdfContentDisposition(file.fileName),
      'X-Content-Type-Options': 'nosniff',
    });
  }

  @Get('feed.atom')
  @ApiOperation({ summary: 'Atom 1.0 feed of published positions and public infos' })
  @ApiProduces('application/atom+xml')
  @ApiOkResponse({ schema: { type: 'string' } })
  async feed(@Req() request: Request, @Res() response: Response): Promise<void> {
    sendCached(request, response, await this.site.feed(this.origin(request)), 'application/atom+xml; charset=utf-8');
  }

  /** PUBLIC_URL when configured; otherwise the address this request came to. */
  private origin(request: Request): string {
    return this.config.publicUrl ?? `${request.protocol}://${request.get('host') ?? 'localhost'}`;
  }
}
