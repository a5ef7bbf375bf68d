import type { LiveAck } from '@coupole/shared';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';

/** Every refused or failed `/live` message answers through its ack: `{ ok: false, error }`. */
@Catch()
export class LiveAckFilter implements ExceptionFilter {
  private readonly logger = new Logger(LiveAckFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const ack = host.getArgByIndex<unknown>(2);
    if (typeof ack !== 'function') return;
    (ack as (result: LiveAck) => void)({ ok: false, error: messageOf(exception, this.logger) });
  }
}

function messageOf(exception: unknown, logger: Logger): string {
  if (exception instanceof WsException) {
    const error = exception.getError();
    return typeof error === 'string' ? error : JSON.stringify(error);
  }
  if (exception instanceof HttpException) {
    const message = (exception.getResponse() as { message?: unknown }).message ?? exception.message;
    return Array.isArray(message) ? message.join('; ') : String(message);
  }
  logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  return 'Erreur interne';
}
