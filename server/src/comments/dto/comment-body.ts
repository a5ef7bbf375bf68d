import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';

export const MAX_COMMENT_LENGTH = 10_000;

/** A comment or reply text: trimmed, not empty, bounded. May name people with `@handle`. */
export function CommentBody(options: { required?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      required: options.required ?? true,
      maxLength: MAX_COMMENT_LENGTH,
      description: '`@caips` mentions a federation; `@<email local part>` or `@<user id>` a person',
      example: 'Ce paragraphe me semble trop vague, @caips qu’en pensez-vous ?',
    }),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    MinLength(1, { message: '$property must not be empty' }),
    MaxLength(MAX_COMMENT_LENGTH),
  );
}
