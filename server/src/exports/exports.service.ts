import type { SuggestionDto } from '@coupole/shared';
import { BadRequestException, Injectable } from '@nestjs/common';
import { DecisionsService } from '../decisions/decisions.service';
import { DocumentBodyService } from '../document-body/document-body.service';
import { DocumentsService } from '../documents/documents.service';
import { SuggestionsService } from '../suggestions/suggestions.service';
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
import { renderMarkdown } from './renderers/markdown.renderer';
import { markdownWithTrackedChanges } from './renderers/tracked-changes';

/** The Word and PDF writers: Loaded on first use, not at every start (README, "Start-up") (docx, pdfkit). */
const docxRenderer = () => require('./renderers/docx.renderer') as typeof import('./renderers/docx.renderer');
const pdfRenderer = () => require('./renderers/pdf.renderer') as typeof import('./renderers/pdf.renderer');

export interface ExportFile extends RenderedExport {
  /** The `Content-Disposition` header value. */
  disposition: string;
}

@Injectable()
export class ExportsService {
  constructor(
    private readonly documents: DocumentsService,
    private readonly versions: VersionsService,
    private readonly body: DocumentBodyService,
    private readonly decisions: DecisionsService,
    private readonly suggestions: SuggestionsService,
  ) {}

  /**
   * The draft or a version of a document in the given format, for someone who may read it.
   * An adopted document carries its "Relevé de décision" (decisions module); `annex` sections follow.
   */
  async export(user: User, documentId: string, query: ExportQueryDto, annex: ExportSection[] = []): Promise<ExportFile> {
    if (query.suggestions && (query.format !== 'docx' || query.version !== undefined)) {
      throw new BadRequestException(['suggestions=open is only for format=docx of the current draft (no version)']);
    }
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
    } else if (query.suggestions === 'open') {
      const open = await this.suggestions.openOf(documentId);
      const threads = await this.suggestions.threadsOf(user, open);
      const { markdown, changes } = markdownWithTrackedChanges(await this.body.load(documentId), open, threads);
      content = { ...base, date: new Date(), markdown, annex: [], trackedChanges: changes };
    } else {
      content = { ...base, date: new Date(), markdown: await this.body.currentMarkdown(documentId), annex: [] };
    }
    content.annex.push(...(await this.decisions.annexFor(documentId, query.version ?? null)));
    content.annex.push(...annex);
    const rendered = await this.render(content, query.format);
    return { ...rendered, disposition: contentDisposition(content, query.format) };
  }

  /**
   * A frozen version in DOCX with the given suggestions written as Word tracked changes (a round's
   * amendments, anchored on that version), for someone who may read the document.
   */
  async exportVersionWithChanges(user: User, documentId: string, versionNumber: number, suggestions: readonly SuggestionDto[]): Promise<ExportFile> {
    const document = await this.documents.assertCan(user, documentId, 'read');
    const version = await this.versions.get(documentId, versionNumber);
    const { markdown, changes } = markdownWithTrackedChanges(await this.versions.yjsState(documentId, versionNumber), suggestions);
    const content: ExportContent = {
      title: document.title,
      kind: document.kind,
      date: version.createdAt,
      version: { number: version.number, label: version.label, contentHash: version.contentHash },
      markdown,
      annex: [],
      trackedChanges: changes,
    };
    const rendered = await this.render(content, 'docx');
    return { ...rendered, disposition: contentDisposition(content, 'docx') };
  }

  /** Renders content that did not come from a document's own body (no access check). */
  async render(content: ExportContent, format: ExportFormat): Promise<RenderedExport> {
    const body = format === 'md' ? renderMarkdown(content) : format === 'docx' ? await docxRenderer().renderDocx(content) : await pdfRenderer().renderPdf(content);
    return { body, contentType: CONTENT_TYPES[format], fileName: exportFileName(content, format) };
  }
}
