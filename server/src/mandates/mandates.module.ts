import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BodiesModule } from '../bodies/bodies.module';
import { UsersModule } from '../users/users.module';
import { MandateRemindersScheduler } from './mandate-reminders.scheduler';
import { Mandate } from './mandate.entity';
import { MandatesController } from './mandates.controller';
import { MandatesRepository } from './mandates.repository';
import { MandatesService } from './mandates.service';

@Module({
  imports: [TypeOrmModule.forFeature([Mandate]), BodiesModule, UsersModule],
  controllers: [MandatesController],
  providers: [MandatesRepository, MandatesService, MandateRemindersScheduler],
  exports: [MandatesService, MandateRemindersScheduler],
})
export class MandatesModule {}
