/**
 * Runs an action for a key once that key has gone `pauseMs` without a `touch` (a document, once
 * its editors pause). One timer per key: a touch only notes its time, and the timer, when it
 * fires too early, waits for the rest — a timer cleared and set again on every keystroke would
 * cost more than the keystroke's other bookkeeping. Timers never keep the process alive.
 */
export class AfterPause<K> {
  private readonly pending = new Map<K, { timer: NodeJS.Timeout; touchedAt: number }>();

  constructor(
    private readonly pauseMs: () => number,
    private readonly action: (key: K) => void,
  ) {}

  touch(key: K): void {
    const pending = this.pending.get(key);
    if (pending) pending.touchedAt = Date.now();
    else this.pending.set(key, { touchedAt: Date.now(), timer: this.arm(key, this.pauseMs()) });
  }

  /** Drops the key's waiting action, if any. */
  cancel(key: K): void {
    clearTimeout(this.pending.get(key)?.timer);
    this.pending.delete(key);
  }

  /** Drops every waiting action. */
  cancelAll(): void {
    for (const key of [...this.pending.keys()]) this.cancel(key);
  }

  private arm(key: K, delayMs: number): NodeJS.Timeout {
    const timer = setTimeout(() => {
      const pending = this.pending.get(key);
      if (!pending) return;
      const quietFor = Date.now() - pending.touchedAt;
      if (quietFor < this.pauseMs()) {
        pending.timer = this.arm(key, this.pauseMs() - quietFor);
        return;
      }
      this.pending.delete(key);
      this.action(key);
    }, delayMs);
    timer.unref();
    return timer;
  }
}
