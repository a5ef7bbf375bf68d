import { Injectable } from '@nestjs/common';
import type { ConsultationAnsweredEvent } from '../consultations/consultations.events';
import { OnDomainEvent } from '../domain-events/domain-event-bus';
import { LiveService } from './live.service';

/** An ILI's committed answer moves the rate on the results pages that follow the consultation. */
@Injectable()
export class ConsultationLiveListener {
  constructor(private readonly live: LiveService) {}

  @OnDomainEvent('consultation.answered')
  onAnswered({ consultationId, invited, responded }: ConsultationAnsweredEvent): void {
    this.live.publishConsultation({ type: 'consultation.answered', consultationId, at: new Date().toISOString(), payload: { invited, responded } });
  }
}
