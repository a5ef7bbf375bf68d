import { RateLimiter } from './rate-limiter';

describe(RateLimiter.name, () => {
  it('allows a burst, refuses beyond it, and refills over time', () => {
    let now = 0;
    const sut = new RateLimiter(3, 10, () => now);

    expect([sut.take(), sut.take(), sut.take(), sut.take()]).toEqual([true, true, true, false]);
    expect(sut.refusedInARow).toBe(1);

    now += 100; // 10 per second: one token back
    expect(sut.take()).toBe(true);
    expect(sut.refusedInARow).toBe(0);
    expect(sut.take()).toBe(false);
  });

  it('never holds more than the burst after a long pause', () => {
    let now = 0;
    const sut = new RateLimiter(2, 100, () => now);
    now += 60_000;

    expect([sut.take(), sut.take(), sut.take()]).toEqual([true, true, false]);
  });
});
