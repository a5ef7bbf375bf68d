import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { Federation } from './federation.entity';
import { FederationsController } from './federations.controller';
import { FederationsService } from './federations.service';

@Module({
  imports: [TypeOrmModule.forFeature([Federation]), UsersModule],
  controllers: [FederationsController],
  providers: [FederationsService],
  exports: [FederationsService],
})
export class FederationsModule {}
