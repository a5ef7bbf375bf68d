import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '../documents/documents.module';
import { DispatchAnswerFile } from './dispatch-answer-file.entity';
import { Dispatch } from './dispatch.entity';
import { DispatchesController } from './dispatches.controller';
import { DispatchesRepository } from './dispatches.repository';
import { DispatchesService } from './dispatches.service';

@Module({
  imports: [TypeOrmModule.forFeature([Dispatch, DispatchAnswerFile]), DocumentsModule],
  controllers: [DispatchesController],
  providers: [DispatchesRepository, DispatchesService],
  exports: [DispatchesService],
})
export class DispatchesModule {}
