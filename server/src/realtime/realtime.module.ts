import { Module } from '@nestjs/common';
import { RealtimeStatus } from './realtime-status';

/** The state of the link to Redis: set by the socket.io adapter, read by the health check and collab. */
@Module({
  providers: [RealtimeStatus],
  exports: [RealtimeStatus],
})
export class RealtimeModule {}
