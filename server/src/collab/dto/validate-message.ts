import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CollabRefusal } from '../collab-refusal';

/**
 * The HTTP ValidationPipe's rules (whitelist, forbidNonWhitelisted) for a socket message.
 * Throws a CollabRefusal naming the offending fields, which the gateway turns into an ack.
 */
export async function validateMessage<T extends object>(type: new () => T, payload: unknown): Promise<T> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new CollabRefusal('invalid_request', 'the message must be an object');
  }
  const instance = plainToInstance(type, payload);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    const messages = errors.flatMap((error) => Object.values(error.constraints ?? {}));
    throw new CollabRefusal('invalid_request', messages.join('; '));
  }
  return instance;
}
