import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../events/events.module';
import { Document } from './document.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Document]), EventsModule],
})
export class DocumentsModule {}
