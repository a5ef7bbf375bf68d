import { ArgumentsHost, BadRequestException, Catch, HttpException, PayloadTooLargeException } from '@nestjs/common';
import { ApiExceptionFilter } from '../common/api-errors';
import { ILI_IMPORT_MAX_BYTES } from './ili-spreadsheet';

/** Multer's own errors do not name the form field: restate them like the validation errors. */
@Catch(HttpException)
export class SpreadsheetUploadFilter extends ApiExceptionFilter {
  override catch(exception: HttpException, host: ArgumentsHost): void {
    const message = (exception.getResponse() as { message?: unknown }).message;
    if (exception instanceof PayloadTooLargeException && message === 'File too large') {
      return super.catch(new PayloadTooLargeException([`file must not exceed ${ILI_IMPORT_MAX_BYTES / (1024 * 1024)} MB`]), host);
    }
    if (exception instanceof BadRequestException && typeof message === 'string') {
      return super.catch(new BadRequestException([`file: send one .csv or .xlsx spreadsheet, in the form field "file" (${message})`]), host);
    }
    return super.catch(exception, host);
  }
}
