import { Logger } from '@nestjs/common';
import type { AppConfigService } from '../config/app-config.service';
import { CollabMetrics } from './collab-metrics';

function metricsAt(logLevel: string): CollabMetrics {
  return new CollabMetrics({ logLevel } as AppConfigService);
}

describe(CollabMetrics.name, () => {
  let debug: jest.SpyInstance;

  beforeEach(() => {
    jest.useFakeTimers();
    debug = jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
  });

  afterEach(() => {
    debug.mockRestore();
    jest.useRealTimers();
  });

  it('reports percentiles per stage every 5 s at LOG_LEVEL=debug, then starts a new window', () => {
    const sut = metricsAt('debug');
    sut.onModuleInit();
    for (let value = 1; value <= 100; value++) sut.record('relay', value);
    sut.record('batchRows', 40);
    sut.countPermissionLookup();

    jest.advanceTimersByTime(5_000);
    jest.advanceTimersByTime(5_000);
    sut.onApplicationShutdown();

    expect(debug).toHaveBeenCalledTimes(1);
    const line = String(debug.mock.calls[0][0]);
    const summary = JSON.parse(line.slice(line.indexOf('{'))) as Record<string, unknown>;
    expect(line.startsWith('collab-metrics ')).toBe(true);
    expect(summary).toMatchObject({
      permissionLookups: 1,
      relay: { n: 100, p50: 50, p99: 99, max: 100 },
      batchRows: { n: 1, p50: 40, max: 40 },
    });
  });

  it('records and reports nothing below LOG_LEVEL=debug', () => {
    const sut = metricsAt('info');
    sut.onModuleInit();
    sut.record('relay', 3);

    jest.advanceTimersByTime(10_000);

    expect(sut.enabled).toBe(false);
    expect(debug).not.toHaveBeenCalled();
  });
});
