import { ApiOkResponse } from '@nestjs/swagger';

/** A route that answers a file download: its content types, each a binary body, in the OpenAPI document. */
export function ApiFileResponse(description: string, ...contentTypes: string[]): MethodDecorator {
  return ApiOkResponse({
    description,
    content: Object.fromEntries(contentTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
  });
}
