import { DOCUMENT_TITLE_MAX_LENGTH } from '@coupole/shared';
import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** A title is trimmed, then must be a non-empty string of at most 300 characters. */
export function DocumentTitle(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    IsNotEmpty(),
    MaxLength(DOCUMENT_TITLE_MAX_LENGTH),
  );
}
