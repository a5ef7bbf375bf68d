import { Injectable } from '@nestjs/common';
import { ConsultationFollowAccess } from '../live/consultation-follow-access';
import type { User } from '../users/user.entity';
import { ConsultationsService } from './consultations.service';

/** Lets `/live` admit a results page to a consultation's answers by the results' own rule. */
@Injectable()
export class ConsultationFollowAccessAdapter extends ConsultationFollowAccess {
  constructor(private readonly consultations: ConsultationsService) {
    super();
  }

  assertCanFollow(user: User, consultationId: string): Promise<void> {
    return this.consultations.assertResultsVisible(user, consultationId);
  }
}
