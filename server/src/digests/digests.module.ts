import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InfosModule } from '../infos/infos.module';
import { MailModule } from '../mail/mail.module';
import { UsersModule } from '../users/users.module';
import { DigestDelivery } from './digest-delivery.entity';
import { DigestPreference } from './digest-preference.entity';
import { DigestsController } from './digests.controller';
import { DigestsRepository } from './digests.repository';
import { DigestsScheduler } from './digests.scheduler';
import { DigestsService } from './digests.service';

/** Each member's e-mail digest of new infos, sent once per slot at 08:00 Brussels. */
@Module({
  imports: [TypeOrmModule.forFeature([DigestPreference, DigestDelivery]), InfosModule, MailModule, UsersModule],
  controllers: [DigestsController],
  providers: [DigestsRepository, DigestsService, DigestsScheduler],
})
export class DigestsModule {}
