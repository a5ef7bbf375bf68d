import type { ConsultationSubscription } from '@coupole/shared';
import { IsUUID } from 'class-validator';

export class ConsultationSubscriptionDto implements ConsultationSubscription {
  @IsUUID()
  consultationId: string;
}
