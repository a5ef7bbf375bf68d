import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DecisionsModule } from '../decisions/decisions.module';
import { DocumentsModule } from '../documents/documents.module';
import { EventsModule } from '../events/events.module';
import { ExportsModule } from '../exports/exports.module';
import { InfosModule } from '../infos/infos.module';
import { VersionsModule } from '../versions/versions.module';
import { Publication } from './publication.entity';
import { PublicationsController } from './publications.controller';
import { PublicationsRepository } from './publications.repository';
import { PublicationsService } from './publications.service';
import { PublicSiteController } from './public-site.controller';
import { PublicSiteService } from './public-site.service';

/** The public site: what the secretariat publishes, and the read-only API anyone may call. */
@Module({
  imports: [TypeOrmModule.forFeature([Publication]), DocumentsModule, DecisionsModule, VersionsModule, EventsModule, ExportsModule, InfosModule],
  controllers: [PublicationsController, PublicSiteController],
  providers: [PublicationsRepository, PublicationsService, PublicSiteService],
  exports: [PublicationsService, PublicSiteService],
})
export class PublicationsModule {}
