import { ArgumentsHost, BadRequestException, Catch, HttpException, PayloadTooLargeException } from '@nestjs/common';
import { DOCUMENT_IMPORT_MAX_BYTES } from '@coupole/shared';
import { ApiExceptionFilter, apiError } from '../common/api-errors';

/**
 * Multer's own errors ("File too large", "Unexpected file field - x") do not name the form field:
 * restate them like the validation errors. Every other error goes to the default handler.
 */
@Catch(HttpException)
export class UploadErrorsFilter extends ApiExceptionFilter {
  override catch(exception: HttpException, host: ArgumentsHost): void {
    const message = (exception.getResponse() as { message?: unknown }).message;
    if (exception instanceof PayloadTooLargeException && message === 'File too large') {
      return super.catch(new PayloadTooLargeException(apiError('file_too_large', [`file must not exceed ${DOCUMENT_IMPORT_MAX_BYTES / (1024 * 1024)} MB`])), host);
    }
    // Validation and DocumentsService give arrays; a bare string comes from multer or busboy.
    if (exception instanceof BadRequestException && typeof message === 'string') {
      return super.catch(new BadRequestException(apiError('docx_required', [`file: send one .docx document, in the form field "file" (${message})`])), host);
    }
    return super.catch(exception, host);
  }
}
