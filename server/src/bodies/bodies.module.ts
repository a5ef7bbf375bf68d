import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BodiesController } from './bodies.controller';
import { BodiesRepository } from './bodies.repository';
import { BodiesService } from './bodies.service';
import { Body } from './body.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Body])],
  controllers: [BodiesController],
  providers: [BodiesRepository, BodiesService],
  exports: [BodiesService],
})
export class BodiesModule {}
