import {
  canCreateInfos,
  DOCUMENT_TITLE_MAX_LENGTH,
  infoPermissions,
  readableVisibilities,
  type DocumentDetailDto,
  type DocumentKind,
  type InfoDto,
  type InfoPermissions,
  type ListResponse,
  type Role,
} from '@coupole/shared';
import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { checkedPdf, type PdfFile, type UploadedPdf } from '../common/pdf-files';
import { DocumentsService } from '../documents/documents.service';
import { DomainEventBus } from '../domain-events/domain-event-bus';
import { CreateInfoDto } from './dto/create-info.dto';
import { toInfoDto } from './dto/info.dto';
import { DEFAULT_INFO_PAGE_SIZE, ListInfosQueryDto } from './dto/list-infos.query';
import { UpdateInfoDto } from './dto/update-info.dto';
import type { Info } from './info.entity';
import { InfoChanges, InfosRepository } from './infos.repository';

export interface InfoActor {
  id: string;
  role: Role;
  federationSlug: string | null;
}


@Injectable()
export class InfosService {
  constructor(
    private readonly infos: InfosRepository,
    private readonly documents: DocumentsService,
    private readonly bus: DomainEventBus,
  ) {}

  async list(user: InfoActor, query: ListInfosQueryDto): Promise<ListResponse<InfoDto>> {
    const [infos, total] = await this.infos.list({
      visibilities: readableVisibilities(user.role),
      topic: query.topic,
      q: query.q,
      toDiscuss: query.toDiscuss,
      limit: query.limit ?? DEFAULT_INFO_PAGE_SIZE,
      offset: query.offset ?? 0,
    });
    return { items: infos.map((info) => toInfoDto(info, this.permissionsOf(user, info))), total };
  }

  async get(user: InfoActor, id: string): Promise<InfoDto> {
    const info = await this.assertCan(user, id, 'read');
    return toInfoDto(info, this.permissionsOf(user, info));
  }

  async create(user: InfoActor, request: CreateInfoDto): Promise<InfoDto> {
    if (!canCreateInfos(user.role)) throw new ForbiddenException('Observers do not share infos');
    const visibility = request.visibility ?? 'members';
    const id = await this.infos.transaction((manager) =>
      this.infos.insert(manager, {
        title: request.title,
        body: request.body,
        sourceUrl: request.sourceUrl ?? null,
        topics: request.topics,
        toDiscuss: request.toDiscuss ?? false,
        visibility,
        authorId: user.id,
        federationSlug: user.federationSlug,
        publishedAt: visibility === 'public' ? new Date() : null,
      }),
    );
    const dto = await this.get(user, id);
    this.bus.emit('info.created', { info: dto });
    return dto;
  }

  async update(user: InfoActor, id: string, request: UpdateInfoDto): Promise<InfoDto> {
    const info = await this.assertCan(user, id, 'edit');
    const changes: InfoChanges = {};
    if (request.title !== undefined) changes.title = request.title;
    if (request.body !== undefined) changes.body = request.body;
    if (request.sourceUrl !== undefined) changes.sourceUrl = request.sourceUrl;
    if (request.topics !== undefined) changes.topics = request.topics;
    if (request.toDiscuss !== undefined) changes.toDiscuss = request.toDiscuss;
    if (request.visibility !== undefined && request.visibility !== info.visibility) {
      changes.visibility = request.visibility;
      changes.publishedAt = request.visibility === 'public' ? new Date() : null;
    }
    if (Object.keys(changes).length > 0) await this.infos.transaction((manager) => this.infos.update(manager, id, changes));
    return this.changed(user, id);
  }

  async remove(user: InfoActor, id: string): Promise<void> {
    const info = await this.assertCan(user, id, 'edit');
    await this.infos.transaction((manager) => this.infos.delete(manager, id));
    this.bus.emit('info.deleted', { infoId: id, visibility: info.visibility });
  }

  /** Attaches (or replaces) the info's PDF, refused unless its bytes are a PDF. */
  async attach(user: InfoActor, id: string, file: UploadedPdf | undefined): Promise<InfoDto> {
    await this.assertCan(user, id, 'edit');
    const pdf = checkedPdf(file);
    await this.infos.transaction((manager) => this.infos.saveAttachment(manager, id, pdf.fileName, pdf.content));
    return this.changed(user, id);
  }

  async detach(user: InfoActor, id: string): Promise<InfoDto> {
    await this.assertCan(user, id, 'edit');
    await this.infos.transaction((manager) => this.infos.deleteAttachment(manager, id));
    return this.changed(user, id);
  }

  async attachment(user: InfoActor, id: string): Promise<PdfFile> {
    await this.assertCan(user, id, 'read');
    return this.attachmentFile(id);
  }

  /** A draft document (kind chosen, default technical note) quoting the info and its source. */
  async toNote(user: InfoActor, id: string, kind: DocumentKind = 'note_technique'): Promise<DocumentDetailDto> {
    const info = await this.assertCan(user, id, 'read');
    const title = `Note — ${info.title}`.slice(0, DOCUMENT_TITLE_MAX_LENGTH);
    return this.documents.create(user, { title, kind, markdown: quoteInfo(info) });
  }

  /** Permission check that also hides what the caller may not read (404, not 403). */
  async assertCan(user: InfoActor, id: string, action: keyof InfoPermissions): Promise<Info> {
    const info = await this.infos.findOne(id);
    if (!info) throw new NotFoundException('Info not found');
    const permissions = this.permissionsOf(user, info);
    if (!permissions.read) throw new NotFoundException('Info not found');
    if (!permissions[action]) {
      throw new ForbiddenException(action === 'edit' ? 'Only the author or the secretariat may change this info' : 'You may not comment on this info');
    }
    return info;
  }

  // ---- For other modules (public site, digests): published data only ----

  /** Public infos, newest publication first. */
  listPublic(limit: number): Promise<Info[]> {
    return this.infos.listPublic(limit);
  }

  /** A public info's attachment, or 404 when the info is not public or has none. */
  async publicAttachment(id: string): Promise<PdfFile> {
    const info = await this.infos.findOne(id);
    if (!info || info.visibility !== 'public') throw new NotFoundException('Info not found');
    return this.attachmentFile(id);
  }

  /** Infos shared in [from, to), oldest first. */
  createdBetween(from: Date, to: Date): Promise<Info[]> {
    return this.infos.createdBetween(from, to);
  }

  private async attachmentFile(id: string): Promise<PdfFile> {
    const attachment = await this.infos.attachmentContent(id);
    if (!attachment) throw new NotFoundException('This info has no attachment');
    return { fileName: attachment.fileName, content: attachment.content };
  }

  private permissionsOf(user: InfoActor, info: Info): InfoPermissions {
    return infoPermissions(user, info);
  }

  private async changed(user: InfoActor, id: string): Promise<InfoDto> {
    const dto = await this.get(user, id);
    this.bus.emit('info.updated', { info: dto });
    return dto;
  }
}

/** The note's opening: the info's title, its text as a quotation and its source. */
export function quoteInfo(info: Pick<Info, 'title' | 'body' | 'sourceUrl'>): string {
  const quoted = info.body
    .split('\n')
    .map((line) => (line.trim() ? `> ${line}` : '>'))
    .join('\n');
  const source = info.sourceUrl ? `\n\nSource : <${info.sourceUrl}>` : '';
  return `# ${info.title}\n\n${quoted}${source}\n`;
}
