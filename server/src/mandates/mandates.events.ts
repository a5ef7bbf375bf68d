/** A mandate ends within 60 days: the secretariat is told once (per end date). */
export interface MandateEndingEvent {
  mandateId: string;
  bodyName: string;
  holderName: string;
  federation: string;
  endDate: string;
}
