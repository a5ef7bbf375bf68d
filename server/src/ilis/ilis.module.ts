import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DemoIlisSeed } from './demo-ilis.seed';
import { Ili } from './ili.entity';
import { IlisController } from './ilis.controller';
import { IlisRepository } from './ilis.repository';
import { IlisService } from './ilis.service';

@Module({
  imports: [TypeOrmModule.forFeature([Ili])],
  controllers: [IlisController],
  providers: [IlisRepository, IlisService, DemoIlisSeed],
  exports: [IlisService, DemoIlisSeed],
})
export class IlisModule {}
