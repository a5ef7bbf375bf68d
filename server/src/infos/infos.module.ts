import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '../documents/documents.module';
import { InfoAttachment } from './info-attachment.entity';
import { Info } from './info.entity';
import { InfosController } from './infos.controller';
import { InfosRepository } from './infos.repository';
import { InfosService } from './infos.service';

/** The watch (*Veille*): infos and their PDF attachments. Comments on them live in `comments`. */
@Module({
  imports: [TypeOrmModule.forFeature([Info, InfoAttachment]), DocumentsModule],
  controllers: [InfosController],
  providers: [InfosRepository, InfosService],
  exports: [InfosService],
})
export class InfosModule {}
