import { Injectable } from '@nestjs/common';
import { ExportsService, type ExportFile } from '../exports/exports.service';
import { RoundsService } from '../rounds/rounds.service';
import { SuggestionsService } from '../suggestions/suggestions.service';
import type { User } from '../users/user.entity';
import type { RoundExportFormat } from './dto/round-export-query.dto';

/** A round's version for a federation's board in Word: its amendments as tracked changes (issue #10). */
@Injectable()
export class RoundExportsService {
  constructor(
    private readonly rounds: RoundsService,
    private readonly suggestions: SuggestionsService,
    private readonly exports: ExportsService,
  ) {}

  /** For whoever may read the round's document; the amendments are anchored on the round's version. */
  async export(user: User, roundId: string, _format: RoundExportFormat): Promise<ExportFile> {
    const { round, owners } = await this.rounds.readableWithAmendments(user, roundId);
    const amendments = await this.suggestions.ofAmendments(owners);
    return this.exports.exportVersionWithChanges(user, round.documentId, round.versionNumber, amendments);
  }
}
