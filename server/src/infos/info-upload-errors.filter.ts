import { ArgumentsHost, BadRequestException, Catch, HttpException, PayloadTooLargeException } from '@nestjs/common';
import { ApiExceptionFilter, apiError } from '../common/api-errors';

/** Multer's own errors restated like validation errors, naming the `file` field. */
@Catch(HttpException)
export class InfoUploadErrorsFilter extends ApiExceptionFilter {
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
