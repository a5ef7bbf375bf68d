import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

/**
 * The schema of a count per key of a closed list (`{ aleap: 3, caips: 0, … }`), named `name` in
 * the OpenAPI document: its properties are the list's, never restated by hand.
 */
export function CountsResponseDto<K extends string>(name: string, keys: readonly K[]): Type<Record<K, number>> {
  const counts = { [name]: class {} }[name];
  for (const key of keys) ApiProperty({ type: Number })(counts.prototype, key);
  return counts as Type<Record<K, number>>;
}
