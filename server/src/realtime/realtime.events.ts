/**
 * Redis is reachable again after an outage: messages between instances were lost meanwhile,
 * so each instance brings the rooms it serves up to date from the database.
 */
export interface RedisRestoredEvent {
  /** How long the link was down, in milliseconds. */
  downForMs: number;
}

export interface RealtimeEvents {
  'realtime.redis_restored': RedisRestoredEvent;
}
