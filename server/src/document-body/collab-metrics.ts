import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { AppConfigService } from '../config/app-config.service';

/** What the collab path measures, in milliseconds (or rows, for `batchRows`). */
export type CollabMetric =
  /** An `update` message handled: permission, checks, applied to the live copy, queued to broadcast. */
  | 'relay'
  /** One room broadcast (socket.io encoding and writes to every socket of the room). */
  | 'broadcast'
  /** Updates merged into one broadcast. */
  | 'broadcastUpdates'
  /** An `update` message from its arrival to its acknowledgement (after the COMMIT). */
  | 'durable'
  /** Time an update waited in the batcher before its INSERT started. */
  | 'queued'
  /** One batch INSERT (its own COMMIT). */
  | 'write'
  /** Rows in one batch INSERT. */
  | 'batchRows'
  /** A background compaction. */
  | 'compaction'
  /** Loading a document into memory: snapshot and log read, applied to a new Y.Doc. */
  | 'load';

const REPORT_EVERY_MS = 5_000;
const MAX_SAMPLES = 50_000;

interface Series {
  samples: number[];
  count: number;
}

/**
 * In-process timings of live co-editing, reported every 5 s at `debug` level (LOG_LEVEL=debug)
 * while there is activity: percentiles per stage, batch sizes, permission look-ups and the
 * event-loop delay. The benchmark (test/bench/collab.bench.ts) reads these lines to tell where
 * the time goes; in production they cost a few array pushes and stay silent.
 */
@Injectable()
export class CollabMetrics implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(CollabMetrics.name);
  private readonly series = new Map<CollabMetric, Series>();
  private counters = { permissionLookups: 0 };
  private loopDelay?: IntervalHistogram;
  private timer?: NodeJS.Timeout;

  constructor(private readonly config: AppConfigService) {}

  onModuleInit(): void {
    if (this.config.logLevel !== 'debug' && this.config.logLevel !== 'trace') return;
    this.loopDelay = monitorEventLoopDelay({ resolution: 10 });
    this.loopDelay.enable();
    this.timer = setInterval(() => this.report(), REPORT_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.loopDelay?.disable();
  }

  get enabled(): boolean {
    return this.timer !== undefined;
  }

  record(metric: CollabMetric, value: number): void {
    if (!this.timer) return;
    let series = this.series.get(metric);
    if (!series) this.series.set(metric, (series = { samples: [], count: 0 }));
    series.count++;
    if (series.samples.length < MAX_SAMPLES) series.samples.push(value);
  }

  countPermissionLookup(): void {
    this.counters.permissionLookups++;
  }

  private report(): void {
    if (this.series.size === 0) {
      this.loopDelay?.reset();
      return;
    }
    const summary: Record<string, unknown> = { windowMs: REPORT_EVERY_MS, ...this.counters };
    for (const [metric, series] of this.series) {
      const sorted = series.samples.sort((a, b) => a - b);
      const at = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
      summary[metric] = { n: series.count, p50: at(50), p99: at(99), max: round(sorted[sorted.length - 1]) };
    }
    if (this.loopDelay) {
      summary.eventLoopDelay = {
        p50: round(this.loopDelay.percentile(50) / 1e6),
        p99: round(this.loopDelay.percentile(99) / 1e6),
        max: round(this.loopDelay.max / 1e6),
      };
      this.loopDelay.reset();
    }
    this.series.clear();
    this.counters = { permissionLookups: 0 };
    this.logger.debug(`collab-metrics ${JSON.stringify(summary)}`);
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
