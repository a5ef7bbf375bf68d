import { OPTIONS_MAX, QUESTIONS_MAX, TEXT_ANSWER_MAX_LENGTH, type AnswerItem, type AnswerValue, type SaveAnswerRequest } from '@coupole/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsString, Matches, MaxLength, ValidateBy, ValidateNested } from 'class-validator';
import { IsOmittable } from '../../common/validation';

function isAnswerValue(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return value.length <= TEXT_ANSWER_MAX_LENGTH;
  return Array.isArray(value) && value.length <= OPTIONS_MAX && value.every((item) => typeof item === 'string' && item.length <= TEXT_ANSWER_MAX_LENGTH);
}

export class AnswerItemDto implements AnswerItem {
  @ApiProperty()
  @IsString()
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'questionId must be a question id' })
  questionId: string;

  @ApiProperty({
    nullable: true,
    description: 'single: the option; multiple: the options; scale: 1–5; number; text. null or absent: not answered.',
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'array', items: { type: 'string' } }],
  })
  @ValidateBy({ name: 'isAnswerValue', validator: { validate: isAnswerValue, defaultMessage: () => 'value must be a string, a number, a list of strings or null' } })
  value: AnswerValue;
}

export class SaveAnswerDto implements SaveAnswerRequest {
  @ApiProperty({ type: [AnswerItemDto] })
  @IsArray()
  @ArrayMaxSize(QUESTIONS_MAX)
  @ValidateNested({ each: true })
  @Type(() => AnswerItemDto)
  answers: AnswerItemDto[];

  @ApiPropertyOptional({ default: false, description: 'true: keep as a draft (required questions may be empty).' })
  @IsOmittable()
  @IsBoolean()
  draft?: boolean;
}

export class AnswerTokenParams {
  @ApiProperty({ description: 'The personal link’s token (22 characters).' })
  @IsString()
  @MaxLength(64)
  token: string;
}
