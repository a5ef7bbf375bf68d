import {
  DOCUMENT_KIND_LABELS,
  pm,
  PUBLIC_SITE_AUTHOR,
  quotedText,
  type ProseMirrorJSON,
  type ListResponse,
  type PublicInfoDto,
  type PublicPositionDto,
  type PublicPositionListDto,
  type PublicPositionSummaryDto,
  type PublicStanceDto,
} from '@coupole/shared';
import { GoneException, Injectable, NotFoundException } from '@nestjs/common';
import { DecisionsService } from '../decisions/decisions.service';
import { ExportsService } from '../exports/exports.service';
import { frenchDate, type RenderedExport } from '../exports/export-content';
import { toInfoContent } from '../infos/dto/info.dto';
import type { Info } from '../infos/info.entity';
import type { PdfFile } from '../common/pdf-files';
import { InfosService } from '../infos/infos.service';
import { atomFeed } from './atom-feed';
import type { PageMeta } from './open-graph';
import type { Publication } from './publication.entity';
import { PublicationsRepository } from './publications.repository';

const MAX_POSITIONS = 200;
const MAX_INFOS = 100;
const MAX_FEED_ENTRIES = 50;

const STANCE_LABELS: Record<PublicStanceDto['stance'], string> = {
  agree: 'D’accord',
  reservations: 'D’accord avec réserves',
  stand_aside: 'S’abstient',
  object: 'Objection (tranchée par le secrétariat)',
  none: 'N’a pas répondu',
};


/**
 * What anyone may read without an account. Positions come only from the `publications` copy,
 * infos only when public: no query here can reach a draft, a members-only info or a person.
 */
@Injectable()
export class PublicSiteService {
  constructor(
    private readonly publications: PublicationsRepository,
    private readonly infos: InfosService,
    private readonly decisions: DecisionsService,
    private readonly exports: ExportsService,
  ) {}

  async positions(): Promise<PublicPositionListDto> {
    const [rows, total] = await this.publications.listPublished(MAX_POSITIONS);
    return { items: rows.map(toSummary), total, register: await this.decisions.head() };
  }

  /** A published position, or (200) only its title and the date it was withdrawn. */
  async position(slug: string): Promise<PublicPositionDto> {
    return toPosition(await this.find(slug));
  }

  /** What the PDF shows, as a string that changes whenever the PDF would (its validator). 410 once withdrawn. */
  async pdfIdentity(slug: string): Promise<string> {
    const publication = this.assertPublished(await this.find(slug));
    return `pdf:${publication.documentId}:${publication.publishedAt.toISOString()}:${publication.contentHash}:${publication.decisionHash}`;
  }

  /** The position as PDF, rendered by the exports module; 410 once withdrawn. */
  async pdf(slug: string): Promise<RenderedExport> {
    const publication = this.assertPublished(await this.find(slug));
    if (publication.markdown === null || publication.contentHash === null || publication.versionNumber === null) {
      throw new GoneException('This text is no longer on the public site');
    }
    const rendered = await this.exports.render(
      {
        title: publication.title,
        kind: publication.kind,
        date: publication.adoptedAt,
        version: { number: publication.versionNumber, label: null, contentHash: publication.contentHash },
        markdown: publication.markdown,
        annex: [{ title: 'Positions des fédérations', doc: stancesAnnex(publication) }],
      },
      'pdf',
    );
    return { ...rendered, fileName: `${publication.slug}.pdf` };
  }

  async infoList(): Promise<ListResponse<PublicInfoDto>> {
    const items = (await this.infos.listPublic(MAX_INFOS)).map(toPublicInfo);
    return { items, total: items.length };
  }

  infoAttachment(id: string): Promise<PdfFile> {
    return this.infos.publicAttachment(id);
  }

  async feed(baseUrl: string): Promise<string> {
    const [[positions], infos, register] = await Promise.all([
      this.publications.listPublished(MAX_FEED_ENTRIES),
      this.infos.listPublic(MAX_FEED_ENTRIES),
      this.decisions.head(),
    ]);
    return atomFeed({
      baseUrl,
      register,
      positions: positions.map((position) => ({
        documentId: position.documentId,
        slug: position.slug,
        title: position.title,
        kind: position.kind,
        adoptedAt: position.adoptedAt,
        publishedAt: position.publishedAt,
        updatedAt: position.publishedAt,
        contentHash: position.contentHash,
        markdown: position.markdown,
      })),
      infos: infos.map((info) => ({
        id: info.id,
        title: info.title,
        body: info.body,
        sourceUrl: info.sourceUrl,
        publishedAt: info.publishedAt ?? info.createdAt,
        updatedAt: info.updatedAt,
      })),
    });
  }

  /** Title and description of a public page for link previews; null for a path it does not know. */
  async pageMeta(path: string, baseUrl: string | null): Promise<PageMeta | null> {
    const url = (suffix: string) => (baseUrl ? `${baseUrl.replace(/\/+$/, '')}${suffix}` : null);
    if (path === '' || path === '/') {
      return {
        title: 'Positions publiques',
        description: `Les positions adoptées au consensus par ${PUBLIC_SITE_AUTHOR}, fédérations des ILI de Wallonie, et ses informations publiques.`,
        url: url('/public'),
        type: 'website',
      };
    }
    const slug = /^\/([a-z0-9-]{1,130})\/?$/.exec(path)?.[1];
    if (!slug) return null;
    const publication = await this.publications.findBySlug(slug);
    if (!publication) return null;
    const kind = DOCUMENT_KIND_LABELS[publication.kind];
    const description = publication.withdrawnAt
      ? `Ce texte a été retiré du site public le ${frenchDate(publication.withdrawnAt)}.`
      : `${kind} — position adoptée au consensus par ${PUBLIC_SITE_AUTHOR} le ${frenchDate(publication.adoptedAt)}.`;
    return { title: publication.title, description, url: url(`/public/${slug}`), type: 'article' };
  }

  private assertPublished(publication: Publication): Publication {
    if (publication.withdrawnAt) throw new GoneException(`This text was withdrawn from the public site on ${publication.withdrawnAt.toISOString()}`);
    return publication;
  }

  private async find(slug: string): Promise<Publication> {
    const publication = await this.publications.findBySlug(slug);
    if (!publication) throw new NotFoundException('No published position at this address');
    return publication;
  }
}

function toSummary(publication: Publication): PublicPositionSummaryDto {
  return {
    slug: publication.slug,
    title: publication.title,
    kind: publication.kind,
    adoptedAt: publication.adoptedAt.toISOString(),
    publishedAt: publication.publishedAt.toISOString(),
    withdrawnAt: publication.withdrawnAt?.toISOString() ?? null,
  };
}

function toPosition(publication: Publication): PublicPositionDto {
  const withdrawn = publication.withdrawnAt !== null;
  return {
    ...toSummary(publication),
    markdown: withdrawn ? null : publication.markdown,
    contentHash: withdrawn ? null : publication.contentHash,
    versionNumber: withdrawn ? null : publication.versionNumber,
    outcome: withdrawn ? null : publication.outcome,
    decisionSeq: withdrawn ? null : publication.decisionSeq,
    decisionHash: withdrawn ? null : publication.decisionHash,
    stances: withdrawn ? [] : publication.stances.map(({ federation, federationName, stance, reservation }) => ({ federation, federationName, stance, reservation })),
  };
}

function toPublicInfo(info: Info): PublicInfoDto {
  return {
    ...toInfoContent(info),
    federation: info.federationSlug,
    hasAttachment: Boolean(info.attachment),
    publishedAt: (info.publishedAt ?? info.createdAt).toISOString(),
    updatedAt: info.updatedAt.toISOString(),
  };
}

/**
 * The PDF's annex: each federation's stance and published reservation. Built as document nodes,
 * so a reservation's words are printed as typed (never read as Markdown or markup).
 */
export function stancesAnnex(publication: Pick<Publication, 'stances' | 'adoptedAt' | 'decisionSeq' | 'decisionHash'>): ProseMirrorJSON {
  const items = publication.stances.map((stance) =>
    stance.reservation
      ? [pm.paragraph(pm.bold(stance.federationName), ` : ${STANCE_LABELS[stance.stance]} —`), quotedText(stance.reservation)]
      : [pm.paragraph(pm.bold(stance.federationName), ` : ${STANCE_LABELS[stance.stance]}`)],
  );
  return pm.doc(
    pm.paragraph(
      `Adopté le ${frenchDate(publication.adoptedAt)}, décision n° ${publication.decisionSeq ?? '?'} du registre des décisions de ${PUBLIC_SITE_AUTHOR}.`,
    ),
    pm.paragraph(pm.bold('Empreinte de l’inscription : '), publication.decisionHash ?? '?'),
    pm.bulletList(items),
  );
}
