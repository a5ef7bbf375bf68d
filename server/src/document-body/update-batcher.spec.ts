import { PendingUpdate, UpdateBatcher } from './update-batcher';

function row(index: number): PendingUpdate {
  return { documentId: 'doc', update: new Uint8Array([index]), actorId: null };
}

describe(UpdateBatcher.name, () => {
  it('stores the appends of one event-loop turn in a single write', async () => {
    const writes: PendingUpdate[][] = [];
    const sut = new UpdateBatcher(async (rows) => void writes.push(rows), { maxBatch: 100, maxInFlight: 1 });

    await Promise.all([sut.append(row(1)), sut.append(row(2)), sut.append(row(3))]);

    expect(writes).toHaveLength(1);
    expect(writes[0].map((written) => written.update[0])).toEqual([1, 2, 3]);
  });

  it('reports each write to its observer: rows, write time and how long each row waited', async () => {
    const observed: Array<{ rows: number; writeMs: number; queuedMs: number[] }> = [];
    const sut = new UpdateBatcher(
      () => new Promise<void>((resolve) => setTimeout(resolve, 20)),
      { maxBatch: 100, maxInFlight: 1 },
      (batch) => observed.push(batch),
    );

    await Promise.all([sut.append(row(1)), sut.append(row(2))]);

    expect(observed).toHaveLength(1);
    expect(observed[0].rows).toBe(2);
    expect(observed[0].writeMs).toBeGreaterThanOrEqual(15);
    expect(observed[0].queuedMs).toHaveLength(2);
    // How long is for benchmarks to say; here only that each row reports a wait.
    expect(observed[0].queuedMs.every((ms) => Number.isFinite(ms) && ms >= 0)).toBe(true);
  });

  it('resolves an append only after its write has finished', async () => {
    let finishWrite!: () => void;
    const sut = new UpdateBatcher(() => new Promise<void>((resolve) => (finishWrite = resolve)), { maxBatch: 10, maxInFlight: 1 });
    let resolved = false;

    const appended = sut.append(row(1)).then(() => (resolved = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(resolved).toBe(false);

    finishWrite();
    await appended;
    expect(resolved).toBe(true);
  });

  it('groups the appends that arrive during a write into the next one, within maxBatch', async () => {
    const writes: number[][] = [];
    let release!: () => void;
    let first = true;
    const sut = new UpdateBatcher(
      async (rows) => {
        writes.push(rows.map((written) => written.update[0]));
        if (first) {
          first = false;
          await new Promise<void>((resolve) => (release = resolve));
        }
      },
      { maxBatch: 2, maxInFlight: 1 },
    );

    const appends = [sut.append(row(1))];
    await new Promise((resolve) => setImmediate(resolve));
    appends.push(sut.append(row(2)), sut.append(row(3)), sut.append(row(4)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual([[1]]);

    release();
    await Promise.all(appends);
    expect(writes).toEqual([[1], [2, 3], [4]]);
  });

  it('rejects every append of a failed write and keeps serving later ones', async () => {
    let fail = true;
    const sut = new UpdateBatcher(
      async () => {
        if (fail) throw new Error('database down');
      },
      { maxBatch: 10, maxInFlight: 1 },
    );

    const failed = await Promise.allSettled([sut.append(row(1)), sut.append(row(2))]);
    fail = false;

    expect(failed.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    await expect(sut.append(row(3))).resolves.toBeUndefined();
  });

  it('writes an append after a quiet moment at once, and gathers those within gatherMs of the last write into the next one', async () => {
    const writes: Array<{ at: number; rows: number[] }> = [];
    const sut = new UpdateBatcher(async (rows) => void writes.push({ at: performance.now(), rows: rows.map((written) => written.update[0]) }), {
      maxBatch: 100,
      maxInFlight: 2,
      // Far above a tick, even on a loaded machine (CI once saw three ticks take over 40 ms).
      gatherMs: 500,
    });

    await sut.append(row(1));
    expect(writes).toHaveLength(1);
    // Ticks, not a clock: within the first write's 500 ms, three appends arrive one tick apart.
    const later: Array<Promise<void>> = [];
    for (const index of [2, 3, 4]) {
      later.push(sut.append(row(index)));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(later);

    expect(writes.map((write) => write.rows)).toEqual([[1], [2, 3, 4]]);
    expect(writes[1].at - writes[0].at).toBeGreaterThanOrEqual(495);
  });
});
