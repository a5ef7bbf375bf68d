/**
 * Redis is reachable again after an outage (of this instance's link or another's): messages
 * between instances were lost meanwhile, so each instance brings the rooms it serves up to date
 * from the database and applies to its sockets the revocations it may have missed.
 */
export interface RedisRestoredEvent {
  /** How long the link was down, in milliseconds. */
  downForMs: number;
  /** The link of another instance was down (this one may have missed its messages). */
  elsewhere: boolean;
}

export interface RealtimeEvents {
  'realtime.redis_restored': RedisRestoredEvent;
}
