import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Ili } from './ili.entity';
import { IlisController } from './ilis.controller';
import { IlisRepository } from './ilis.repository';
import { IlisService } from './ilis.service';

@Module({
  imports: [TypeOrmModule.forFeature([Ili])],
  controllers: [IlisController],
  providers: [IlisRepository, IlisService],
  exports: [IlisService],
})
export class IlisModule {}
