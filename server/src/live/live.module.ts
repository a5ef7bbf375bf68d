import { forwardRef, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DocumentsModule } from '../documents/documents.module';
import { InfoLiveListener } from './info-live.listener';
import { LiveGateway } from './live.gateway';
import { LiveService } from './live.service';

/**
 * DocumentsService publishes through LiveService, and the gateway asks DocumentsService who may
 * follow what: the two modules import each other (no provider depends on itself through it).
 */
@Module({
  imports: [AuthModule, forwardRef(() => DocumentsModule)],
  providers: [LiveService, LiveGateway, InfoLiveListener],
  exports: [LiveService],
})
export class LiveModule {}
