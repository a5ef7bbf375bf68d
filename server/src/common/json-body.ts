import { DOCUMENT_MARKDOWN_MAX_LENGTH, genericApiErrorCode, type ApiErrorCode } from '@coupole/shared';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';

/**
 * The largest JSON body: a 500,000-character Markdown body (DESIGN §5) even if every character
 * were written as a 6-byte `\uXXXX` escape, plus room for the other fields.
 */
export const JSON_BODY_LIMIT_BYTES = DOCUMENT_MARKDOWN_MAX_LENGTH * 6 + 64 * 1024;

/** Deeper bodies are refused before JSON.parse and validation ever recurse into them. */
export const JSON_MAX_DEPTH = 32;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Nesting depth of raw JSON text, counting only brackets outside strings; linear, no recursion. */
export function jsonNestingDepth(raw: Uint8Array): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < raw.length; index++) {
    const byte = raw[index];
    if (inString) {
      if (byte === BACKSLASH) index++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--;
    }
  }
  return deepest;
}

class BodyRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type: string,
  ) {
    super(message);
  }
}

/** express.json with the body limit and the depth check (on the raw bytes, before parsing). */
export function jsonBodyParser(): RequestHandler {
  return express.json({
    limit: JSON_BODY_LIMIT_BYTES,
    verify: (_request, _response, raw) => {
      if (jsonNestingDepth(raw) > JSON_MAX_DEPTH) {
        throw new BodyRefusal(400, `body must not nest deeper than ${JSON_MAX_DEPTH} levels`, 'entity.too.deep');
      }
    },
  });
}

const PARSER_ERRORS: Record<string, { status: number; message: (error: { message: string }) => string }> = {
  'entity.too.large': { status: 413, message: () => `body must not exceed ${JSON_BODY_LIMIT_BYTES} bytes` },
  'entity.parse.failed': { status: 400, message: () => 'body is not valid JSON' },
  'entity.too.deep': { status: 400, message: (error) => error.message },
  'entity.verify.failed': { status: 400, message: (error) => error.message },
  'encoding.unsupported': { status: 415, message: (error) => error.message },
  'charset.unsupported': { status: 415, message: (error) => error.message },
  'request.aborted': { status: 400, message: () => 'request aborted' },
  'request.size.invalid': { status: 400, message: () => 'request size did not match content length' },
  'stream.encoding.set': { status: 500, message: () => 'stream encoding should not be set' },
};

const STATUS_NAMES: Record<number, string> = {
  400: 'Bad Request',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
};

/**
 * Answers body-parser failures in NestJS's error shape (413 past the limit, 400 for malformed
 * or too deep JSON) instead of letting them fall through to a misleading 404.
 */
export const bodyParserErrors: ErrorRequestHandler = (error: unknown, _request, response, next) => {
  const type = (error as { type?: unknown } | null)?.type;
  const known = typeof type === 'string' ? PARSER_ERRORS[type] : undefined;
  if (!known) {
    next(error);
    return;
  }
  response.status(known.status).json({
    statusCode: known.status,
    message: [known.message(error as { message: string })],
    error: STATUS_NAMES[known.status],
    code: genericApiErrorCode(known.status),
  });
};

// A NUL byte, or a UTF-16 surrogate without its pair: PostgreSQL can store neither in text.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path (`title`, `answers.0.text`) of the first string that PostgreSQL could not store. */
export function findUnstorableText(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path || '(value)' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, member] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (UNSTORABLE.test(key)) return at;
    const found = findUnstorableText(member, at);
    if (found) return found;
  }
  return undefined;
}

/** 400 for a body or query string holding a NUL byte or a lone surrogate, naming the field. */
export const rejectUnstorableText: RequestHandler = (request, response, next) => {
  const field = findUnstorableText(request.body) ?? findUnstorableText(request.query);
  if (!field) {
    next();
    return;
  }
  response.status(400).json({
    statusCode: 400,
    message: [`${field} must not contain NUL characters or unpaired UTF-16 surrogates`],
    error: 'Bad Request',
    code: 'bad_request' satisfies ApiErrorCode,
  });
};
