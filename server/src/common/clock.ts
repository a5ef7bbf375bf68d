/** What time it is, injected where a caller must be able to set it (the demo seed dates its history from it). */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
