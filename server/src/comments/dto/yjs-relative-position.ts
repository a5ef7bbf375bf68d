import { registerDecorator, ValidationOptions } from 'class-validator';
import * as Y from 'yjs';

/** Far above any real position (a few dozen bytes) and small enough to keep rows small. */
export const MAX_RELATIVE_POSITION_LENGTH = 512;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * True when `value` is base64 of a `Y.encodeRelativePosition` result: it decodes, names an
 * item or a type, and encodes back to the same bytes (so no trailing garbage is stored).
 */
export function isYjsRelativePosition(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_RELATIVE_POSITION_LENGTH) return false;
  if (!BASE64.test(value)) return false;
  const bytes = Buffer.from(value, 'base64');
  try {
    const position = Y.decodeRelativePosition(bytes);
    if (!position.item && !position.type && !position.tname) return false;
    return Buffer.from(Y.encodeRelativePosition(position)).equals(bytes);
  } catch {
    return false;
  }
}

export function IsYjsRelativePosition(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isYjsRelativePosition',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `$property must be a base64-encoded Yjs relative position`, ...options },
      validator: { validate: isYjsRelativePosition },
    });
}
