import {
  genericApiErrorCode,
  isApiErrorCode,
  type ApiErrorBody,
  type ApiErrorCode,
  type ApiFieldError,
} from '@coupole/shared';
import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  HttpException,
  HttpStatus,
  InternalServerErrorException,
  Logger,
} from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { ValidationError } from 'class-validator';

/** What a service throws: `throw new ConflictException(apiError('round_closed', 'This round is closed'))`. */
export function apiError(code: ApiErrorCode, message: string | string[]): { code: ApiErrorCode; message: string | string[] } {
  return { code, message };
}

function fieldErrors(errors: readonly ValidationError[], parent = ''): ApiFieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, constraints: Object.keys(error.constraints) }] : [];
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

/** Each constraint's message; a nested field's is prefixed with its parents' path ("anchor.start must be…"), as Nest does. */
function messages(errors: readonly ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const own = Object.values(error.constraints ?? {}).map((message) => (parent ? `${parent}.${message}` : message));
    const path = parent ? `${parent}.${error.property}` : error.property;
    return [...own, ...messages(error.children ?? [], path)];
  });
}

/** The global ValidationPipe's refusal: English messages naming the fields, and the fields. */
export function validationException(errors: ValidationError[]): BadRequestException {
  return new BadRequestException({
    message: messages(errors),
    error: 'Bad Request',
    code: 'validation_failed' satisfies ApiErrorCode,
    fields: fieldErrors(errors),
  });
}

/** How a service's English sentence ("endDate must not be before startDate") maps to a rule the client words in French. */
const SERVICE_RULES: readonly [RegExp, string][] = [
  [/ must not be before /, 'notBeforeStart'],
  [/ must be after /, 'afterStart'],
  [/ must name (an existing|an active|active|a document you can read|a round you can read)\b/, 'existing'],
  [/ is required\b/, 'isNotEmpty'],
  [/ must be a (date|Brussels time)\b/, 'isISO8601'],
];

/**
 * A service's refusal of fields a DTO cannot judge alone (an end before its start, an unknown
 * body): the same 400 `validation_failed` as the ValidationPipe's, each sentence starting with
 * the field it names (`agenda.0.documentId must name…`), so the client shows it beside the field.
 */
export function fieldsRefused(sentences: readonly string[]): BadRequestException {
  return new BadRequestException({
    message: [...sentences],
    error: 'Bad Request',
    code: 'validation_failed' satisfies ApiErrorCode,
    fields: sentences.map((sentence) => ({
      field: sentence.split(' ')[0],
      constraints: [SERVICE_RULES.find(([pattern]) => pattern.test(sentence))?.[1] ?? 'invalid'],
    })),
  });
}

const STATUS_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(HttpStatus)
    .filter(([, value]) => typeof value === 'number')
    .map(([name, value]) => [value, name.toLowerCase().split('_').map((word) => word[0].toUpperCase() + word.slice(1)).join(' ')]),
);

/** Any HttpException's answer as `{ statusCode, message, error, code, fields? }`. */
export function apiErrorBody(exception: HttpException): ApiErrorBody {
  const statusCode = exception.getStatus();
  const response = exception.getResponse();
  const given = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
  const message = typeof response === 'string' ? response : given.message;
  const body: ApiErrorBody = {
    // Extra details a service gives (e.g. retryAfterSeconds) go through.
    ...given,
    statusCode,
    message: typeof message === 'string' || Array.isArray(message) ? (message as string | string[]) : exception.message,
    error: typeof given.error === 'string' ? given.error : (STATUS_NAMES[statusCode] ?? 'Error'),
    code: isApiErrorCode(given.code) ? given.code : genericApiErrorCode(statusCode),
  };
  if (Array.isArray(given.fields)) body.fields = given.fields as ApiFieldError[];
  return body;
}

/**
 * Gives every HTTP refusal its machine-readable `code` (the specific one a service chose, else
 * the status's generic one); unexpected errors are logged and answered as `internal_error`.
 */
@Catch()
export class ApiExceptionFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  override catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return super.catch(exception, host);
    if (exception instanceof HttpException) {
      return super.catch(new HttpException(apiErrorBody(exception), exception.getStatus(), { cause: exception }), host);
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    const internal = new InternalServerErrorException();
    return super.catch(new HttpException(apiErrorBody(internal), internal.getStatus()), host);
  }
}
