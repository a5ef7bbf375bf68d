import type { LiveSubscription } from '@coupole/shared';
import { IsUUID } from 'class-validator';

export class LiveSubscriptionDto implements LiveSubscription {
  @IsUUID()
  documentId: string;
}
