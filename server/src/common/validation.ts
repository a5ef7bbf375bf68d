import { ValidateIf } from 'class-validator';

/**
 * The field may be left out, but not sent as `null` (unlike `@IsOptional()`, which lets `null`
 * through to the validators' blind spot).
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object: unknown, value: unknown) => value !== undefined);
}
