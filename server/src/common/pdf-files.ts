import { INFO_ATTACHMENT_MAX_BYTES, isPdfContent, safePdfFileName } from '@coupole/shared';
import {
  applyDecorators,
  ArgumentsHost,
  BadRequestException,
  Catch,
  HttpException,
  PayloadTooLargeException,
  StreamableFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { AcceptsMultipart } from './json-only.guard';
import { ApiExceptionFilter, apiError } from './api-errors';

/** Every PDF a user attaches (an info's, a dispatch's answer) is at most this big. */
export const PDF_MAX_BYTES = INFO_ATTACHMENT_MAX_BYTES;

/** A PDF as multer hands it over. */
export interface UploadedPdf {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/** A stored PDF and its name. */
export interface PdfFile {
  fileName: string;
  content: Buffer;
}

/** Multer's own errors restated like validation errors, naming the `file` field. */
@Catch(HttpException)
export class PdfUploadErrorsFilter extends ApiExceptionFilter {
  override catch(exception: HttpException, host: ArgumentsHost): void {
    const message = (exception.getResponse() as { message?: unknown }).message;
    if (exception instanceof PayloadTooLargeException && message === 'File too large') {
      return super.catch(new PayloadTooLargeException(apiError('file_too_large', ['file must not exceed 10 MB'])), host);
    }
    if (exception instanceof BadRequestException && typeof message === 'string') {
      return super.catch(new BadRequestException([`file: send one PDF, in the form field "file" (${message})`]), host);
    }
    return super.catch(exception, host);
  }
}

/** A route that receives one PDF in the multipart field `file` (documented for OpenAPI). */
export function PdfUpload(): MethodDecorator {
  return applyDecorators(
    AcceptsMultipart(),
    UseFilters(PdfUploadErrorsFilter),
    UseInterceptors(FileInterceptor('file', { limits: { fileSize: PDF_MAX_BYTES, files: 1 } })),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file'],
        properties: { file: { type: 'string', format: 'binary', description: 'A PDF, at most 10 MB' } },
      },
    }),
  );
}

/** The uploaded file as a stored PDF, or a 400/413 naming `file`: a PDF by its bytes, not its name or type. */
export function checkedPdf(file: UploadedPdf | undefined): PdfFile {
  if (!file) throw new BadRequestException(['file: send one PDF in the form field "file"']);
  if (file.size > PDF_MAX_BYTES) throw new PayloadTooLargeException(apiError('file_too_large', ['file must not exceed 10 MB']));
  if (!isPdfContent(file.buffer)) throw new BadRequestException(['file is not a PDF (its content does not start with %PDF-)']);
  // multer reads the name as latin1; browsers send UTF-8.
  return { fileName: safePdfFileName(Buffer.from(file.originalname, 'latin1').toString('utf8')), content: file.buffer };
}

/** A download's Content-Disposition: an ASCII name for old clients, the real one as `filename*`. */
export function pdfContentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** A stored PDF as a download: never rendered inline by the browser, never sniffed. */
export function pdfDownload(file: PdfFile): StreamableFile {
  return new StreamableFile(file.content, { type: 'application/pdf', length: file.content.length, disposition: pdfContentDisposition(file.fileName) });
}
