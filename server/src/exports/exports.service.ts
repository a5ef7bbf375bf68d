import { Injectable } from '@nestjs/common';
import { DocumentStateService } from '../collab/document-state.service';
import { DocumentsService } from '../documents/documents.service';
import type { User } from '../users/user.entity';
import { VersionsService } from '../versions/versions.service';
import { ExportQueryDto } from './dto/export-query.dto';
import {
  CONTENT_TYPES,
  contentDisposition,
  ExportContent,
  ExportFormat,
  exportFileName,
  ExportSection,
  RenderedExport,
} from './export-content';
import { renderDocx } from './renderers/docx.renderer';
import { renderMarkdown } from './renderers/markdown.renderer';
import { renderPdf } from './renderers/pdf.renderer';

/** What an annex provider is told about the export it may add sections to. */
export interface AnnexRequest {
  documentId: string;
  /** The version exported, or null for the draft. */
  versionNumber: number | null;
}

/**
 * Adds sections after the body, e.g. the decisions module's "Relevé de décision" for an
 * adopted document. Providers run in registration order; an empty list adds nothing.
 */
export type AnnexProvider = (request: AnnexRequest) => Promise<ExportSection[]>;

export interface ExportFile extends RenderedExport {
  /** The `Content-Disposition` header value. */
  disposition: string;
}

@Injectable()
export class ExportsService {
  private readonly annexProviders: AnnexProvider[] = [];

  constructor(
    private readonly documents: DocumentsService,
    private readonly versions: VersionsService,
    private readonly documentState: DocumentStateService,
  ) {}

  registerAnnexProvider(provider: AnnexProvider): void {
    this.annexProviders.push(provider);
  }

  /**
   * The draft or a version of a document in the given format, for someone who may read it.
   * `annex` sections are added after those of the registered providers.
   */
  async export(user: User, documentId: string, query: ExportQueryDto, annex: ExportSection[] = []): Promise<ExportFile> {
    const document = await this.documents.assertCan(user, documentId, 'read');
    const base = { title: document.title, kind: document.kind };
    let content: ExportContent;
    if (query.version !== undefined) {
      const version = await this.versions.get(documentId, query.version);
      content = {
        ...base,
        date: version.createdAt,
        version: { number: version.number, label: version.label, contentHash: version.contentHash },
        markdown: version.markdown,
        annex: [],
      };
    } else {
      content = { ...base, date: new Date(), markdown: await this.documentState.currentMarkdown(documentId), annex: [] };
    }
    const request: AnnexRequest = { documentId, versionNumber: query.version ?? null };
    for (const provider of this.annexProviders) content.annex.push(...(await provider(request)));
    content.annex.push(...annex);
    const rendered = await this.render(content, query.format);
    return { ...rendered, disposition: contentDisposition(content, query.format) };
  }

  /** Renders content that did not come from a document's own body (no access check). */
  async render(content: ExportContent, format: ExportFormat): Promise<RenderedExport> {
    const body =
      format === 'md' ? renderMarkdown(content) : format === 'docx' ? await renderDocx(content) : await renderPdf(content);
    return { body, contentType: CONTENT_TYPES[format], fileName: exportFileName(content, format) };
  }
}
