import { Logger } from '@nestjs/common';
import type { AppConfigService } from '../config/app-config.service';
import type { DomainEventBus } from '../domain-events/domain-event-bus';
import { redisReconnectDelay } from './realtime-io.adapter';
import { RealtimeStatus } from './realtime-status';

describe('redisReconnectDelay', () => {
  it('doubles from 100 ms up to 5 s, with at most half of each delay left to chance', () => {
    const lowest = Array.from({ length: 12 }, (_, retries) => redisReconnectDelay(retries, () => 0));
    const highest = Array.from({ length: 12 }, (_, retries) => redisReconnectDelay(retries, () => 1));

    expect(highest.slice(0, 7)).toEqual([100, 200, 400, 800, 1_600, 3_200, 5_000]);
    expect(highest.slice(6).every((delay) => delay === 5_000)).toBe(true);
    expect(lowest.slice(0, 3)).toEqual([50, 100, 200]);
    expect(lowest[11]).toBe(2_500);
    // Retries counted in the thousands during a long outage stay bounded.
    expect(redisReconnectDelay(1_000_000, () => 1)).toBe(5_000);
  });
});

describe(RealtimeStatus.name, () => {
  let error: jest.SpyInstance;
  let warn: jest.SpyInstance;
  let emit: jest.Mock;

  function statusWith(redisUrl: string | undefined): RealtimeStatus {
    return new RealtimeStatus({ redisUrl } as AppConfigService, { emit } as unknown as DomainEventBus);
  }

  beforeEach(() => {
    error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    emit = jest.fn();
  });

  afterEach(() => {
    error.mockRestore();
    warn.mockRestore();
  });

  it('says "not configured" without REDIS_URL', () => {
    expect(statusWith(undefined).redis).toBe('not_configured');
  });

  it('is down until both the publisher and the subscriber are ready, without announcing a return', () => {
    const sut = statusWith('redis://127.0.0.1:6379');
    expect(sut.redis).toBe('down');
    sut.linkUp('publisher');
    expect(sut.redis).toBe('down');
    sut.linkUp('subscriber');

    expect(sut.redis).toBe('up');
    expect(emit).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });

  it('logs an outage once however many reconnection attempts fail, and announces the return once', () => {
    const sut = statusWith('redis://127.0.0.1:6379');
    sut.linkUp('publisher');
    sut.linkUp('subscriber');

    for (let attempt = 0; attempt < 20; attempt++) {
      sut.linkDown('publisher', new Error('read ECONNRESET'));
      sut.linkDown('subscriber', new Error('Socket closed unexpectedly'));
    }
    sut.messageDropped();
    sut.messageDropped();
    expect(sut.redis).toBe('down');
    expect(sut.redisError).toBe('Socket closed unexpectedly');
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0][0])).toContain('Redis unreachable (publisher: read ECONNRESET)');

    sut.linkUp('subscriber');
    expect(sut.redis).toBe('down');
    expect(emit).not.toHaveBeenCalled();
    sut.linkUp('publisher');

    expect(sut.redis).toBe('up');
    expect(emit).toHaveBeenCalledTimes(1);
    expect(emit).toHaveBeenCalledWith('realtime.redis_restored', { downForMs: expect.any(Number), elsewhere: false });
    expect(String(warn.mock.calls[0][0])).toContain('2 messages to other instances dropped');
  });

  it('logs a Redis unreachable from the start, and announces it once reached', () => {
    const sut = statusWith('redis://127.0.0.1:6379');
    sut.linkDown('subscriber', new Error('connect ECONNREFUSED 127.0.0.1:6379'));
    sut.linkDown('subscriber', new Error('connect ECONNREFUSED 127.0.0.1:6379'));
    expect(error).toHaveBeenCalledTimes(1);

    sut.linkUp('publisher');
    sut.linkUp('subscriber');
    expect(emit).toHaveBeenCalledTimes(1);
  });

  it('tells the adapter when Redis is back, and relays another instance’s return as an event of its own', () => {
    const sut = statusWith('redis://127.0.0.1:6379');
    const announce = jest.fn();
    sut.onRestored(announce);
    sut.linkUp('publisher');
    sut.linkUp('subscriber');
    expect(announce).not.toHaveBeenCalled();

    sut.linkDown('publisher', new Error('read ECONNRESET'));
    sut.linkUp('publisher');
    expect(announce).toHaveBeenCalledTimes(1);
    sut.peerRestored();
    expect(emit).toHaveBeenLastCalledWith('realtime.redis_restored', { downForMs: 0, elsewhere: true });
  });

  it('takes no notice of the clients closed at shutdown', () => {
    const sut = statusWith('redis://127.0.0.1:6379');
    sut.linkUp('publisher');
    sut.linkUp('subscriber');
    sut.closing();
    sut.linkDown('publisher', new Error('The client is closed'));

    expect(error).not.toHaveBeenCalled();
    expect(sut.redis).toBe('up');
  });
});
