import type { DiffPart, ParagraphDto } from '@coupole/shared';
import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { ParagraphResponseDto } from './paragraph-response.dto';

export class DiffPartResponseDto implements DiffPart {
  @ApiProperty({ enum: ['equal', 'insert', 'delete'] })
  op: DiffPart['op'];

  @ApiProperty()
  text: string;
}

export class ParagraphEqualResponseDto {
  @ApiProperty({ enum: ['equal'] })
  op: 'equal';

  @ApiProperty({ type: ParagraphResponseDto })
  from: ParagraphDto;

  @ApiProperty({ type: ParagraphResponseDto })
  to: ParagraphDto;
}

export class ParagraphInsertResponseDto {
  @ApiProperty({ enum: ['insert'] })
  op: 'insert';

  @ApiProperty({ type: ParagraphResponseDto })
  to: ParagraphDto;
}

export class ParagraphDeleteResponseDto {
  @ApiProperty({ enum: ['delete'] })
  op: 'delete';

  @ApiProperty({ type: ParagraphResponseDto })
  from: ParagraphDto;
}

export class ParagraphChangeResponseDto {
  @ApiProperty({ enum: ['change'] })
  op: 'change';

  @ApiProperty({ type: ParagraphResponseDto })
  from: ParagraphDto;

  @ApiProperty({ type: ParagraphResponseDto })
  to: ParagraphDto;

  @ApiProperty({ type: [DiffPartResponseDto], description: 'Word diff of the two paragraphs' })
  parts: DiffPart[];
}

/** Register on the class using `ParagraphChangesProperty` with `@ApiExtraModels(...PARAGRAPH_CHANGE_MODELS)`. */
export const PARAGRAPH_CHANGE_MODELS = [
  ParagraphEqualResponseDto,
  ParagraphInsertResponseDto,
  ParagraphDeleteResponseDto,
  ParagraphChangeResponseDto,
];

const PARAGRAPH_CHANGE_BY_OP = {
  equal: ParagraphEqualResponseDto,
  insert: ParagraphInsertResponseDto,
  delete: ParagraphDeleteResponseDto,
  change: ParagraphChangeResponseDto,
};

/** Block-by-block changes, one of four shapes told apart by `op`. */
export function ParagraphChangesProperty(description: string): PropertyDecorator {
  return ApiProperty({
    description,
    type: 'array',
    items: {
      oneOf: PARAGRAPH_CHANGE_MODELS.map((model) => ({ $ref: getSchemaPath(model) })),
      discriminator: {
        propertyName: 'op',
        mapping: Object.fromEntries(
          Object.entries(PARAGRAPH_CHANGE_BY_OP).map(([op, model]) => [op, getSchemaPath(model)]),
        ),
      },
    },
  });
}
