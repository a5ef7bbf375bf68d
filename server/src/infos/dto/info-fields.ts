import {
  INFO_BODY_MAX_LENGTH,
  INFO_SOURCE_URL_MAX_LENGTH,
  INFO_TITLE_MAX_LENGTH,
  INFO_TOPICS,
  INFO_VISIBILITIES,
} from '@coupole/shared';
import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsNotEmpty, IsString, IsUrl, MaxLength } from 'class-validator';

const trim = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export const InfoTitle = () => applyDecorators(trim, IsString(), IsNotEmpty(), MaxLength(INFO_TITLE_MAX_LENGTH));

export const InfoBody = () => applyDecorators(trim, IsString(), IsNotEmpty(), MaxLength(INFO_BODY_MAX_LENGTH));

/** Only absolute http(s) links: a `javascript:` source would run when clicked. */
export const InfoSourceUrl = () =>
  applyDecorators(
    trim,
    IsString(),
    MaxLength(INFO_SOURCE_URL_MAX_LENGTH),
    IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'sourceUrl must be an http(s) URL' }),
  );

export const InfoTopics = () =>
  applyDecorators(
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(INFO_TOPICS.length),
    ArrayUnique(),
    IsIn(INFO_TOPICS, { each: true, message: `each value in topics must be one of: ${INFO_TOPICS.join(', ')}` }),
  );

export const InfoVisibilityField = () => IsIn(INFO_VISIBILITIES);
