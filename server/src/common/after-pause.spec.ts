import { AfterPause } from './after-pause';

describe(AfterPause.name, () => {
  let ran: string[];
  let sut: AfterPause<string>;

  beforeEach(() => {
    jest.useFakeTimers();
    ran = [];
    sut = new AfterPause(() => 1_000, (key) => ran.push(key));
  });

  afterEach(() => {
    sut.cancelAll();
    jest.useRealTimers();
  });

  it('runs the action once the key has gone the pause without a touch', () => {
    sut.touch('a');
    jest.advanceTimersByTime(999);
    expect(ran).toEqual([]);

    jest.advanceTimersByTime(1);
    expect(ran).toEqual(['a']);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('waits for a pause after the last touch, however long the touches go on, and runs once', () => {
    sut.touch('a');
    for (let step = 0; step < 10; step++) {
      jest.advanceTimersByTime(500);
      sut.touch('a');
    }
    expect(ran).toEqual([]);

    jest.advanceTimersByTime(999);
    expect(ran).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(ran).toEqual(['a']);

    jest.advanceTimersByTime(10_000);
    expect(ran).toEqual(['a']);
  });

  it('keeps one timer per key, not one per touch', () => {
    for (let step = 0; step < 100; step++) sut.touch('a');
    sut.touch('b');

    expect(jest.getTimerCount()).toBe(2);
  });

  it('times each key on its own', () => {
    sut.touch('a');
    jest.advanceTimersByTime(600);
    sut.touch('b');
    jest.advanceTimersByTime(400);
    expect(ran).toEqual(['a']);

    jest.advanceTimersByTime(600);
    expect(ran).toEqual(['a', 'b']);
  });

  it('runs nothing for a cancelled key, and starts afresh on its next touch', () => {
    sut.touch('a');
    sut.cancel('a');
    jest.advanceTimersByTime(5_000);
    expect(ran).toEqual([]);

    sut.touch('a');
    jest.advanceTimersByTime(1_000);
    expect(ran).toEqual(['a']);
  });

  it('drops every waiting action on cancelAll', () => {
    sut.touch('a');
    sut.touch('b');
    sut.cancelAll();
    jest.advanceTimersByTime(5_000);

    expect(ran).toEqual([]);
    expect(jest.getTimerCount()).toBe(0);
  });
});
