import { CanActivate, ExecutionContext, Injectable, SetMetadata, UnsupportedMediaTypeException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';

const ACCEPTS_MULTIPART = 'coupole:acceptsMultipart';

/** The route takes a file upload: `multipart/form-data` is accepted besides JSON. */
export const AcceptsMultipart = () => SetMetadata(ACCEPTS_MULTIPART, true);

function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function mediaType(request: Request): string {
  return (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * A body sent to the API is JSON (or multipart where a route takes a file). Form and text bodies
 * are what a cross-site HTML form can send without a CORS preflight: refused with 415.
 */
@Injectable()
export class JsonOnlyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    if (!hasBody(request)) return true;
    const type = mediaType(request);
    if (type === 'application/json') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (type === 'multipart/form-data' && this.reflector.getAllAndOverride<boolean>(ACCEPTS_MULTIPART, targets)) {
      return true;
    }
    throw new UnsupportedMediaTypeException(['body must be sent as application/json']);
  }
}
