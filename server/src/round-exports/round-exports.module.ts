import { Module } from '@nestjs/common';
import { ExportsModule } from '../exports/exports.module';
import { RoundsModule } from '../rounds/rounds.module';
import { SuggestionsModule } from '../suggestions/suggestions.module';
import { RoundExportsController } from './round-exports.controller';
import { RoundExportsService } from './round-exports.service';

/** Above `rounds` and `exports` (which sit on one layer and never import each other). */
@Module({
  imports: [RoundsModule, ExportsModule, SuggestionsModule],
  controllers: [RoundExportsController],
  providers: [RoundExportsService],
})
export class RoundExportsModule {}
