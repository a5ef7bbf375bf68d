import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { Federation } from './federation.entity';
import { FederationsController } from './federations.controller';
import { FederationsRepository } from './federations.repository';
import { FederationsService } from './federations.service';

@Module({
  imports: [TypeOrmModule.forFeature([Federation]), UsersModule],
  controllers: [FederationsController],
  providers: [FederationsService, FederationsRepository],
  exports: [FederationsService],
})
export class FederationsModule {}
