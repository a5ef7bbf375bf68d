import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DomainEventBus, OnDomainEvent } from './domain-event-bus';
import type { DomainEventMap } from './domain-event-map';
import { DomainEventsModule } from './domain-events.module';

@Injectable()
class ProbeListener {
  readonly received: DomainEventMap['bus.probe'][] = [];

  @OnDomainEvent('bus.probe')
  onProbe(payload: DomainEventMap['bus.probe']): void {
    if (payload.value < 0) throw new Error('negative probe');
    this.received.push(payload);
  }
}

describe(DomainEventBus.name, () => {
  it('delivers an emitted event to its listener after the emitting call has returned', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [DomainEventsModule], providers: [ProbeListener] }).compile();
    await moduleRef.init();
    const sut = moduleRef.get(DomainEventBus);
    const listener = moduleRef.get(ProbeListener);

    sut.emit('bus.probe', { value: 1 });
    expect(listener.received).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(listener.received).toEqual([{ value: 1 }]);
    await moduleRef.close();
  });

  it('keeps a failing listener from reaching the producer', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [DomainEventsModule], providers: [ProbeListener] }).compile();
    await moduleRef.init();
    moduleRef.useLogger(false);
    const sut = moduleRef.get(DomainEventBus);

    expect(() => sut.emit('bus.probe', { value: -1 })).not.toThrow();
    await new Promise((resolve) => setImmediate(resolve));
    sut.emit('bus.probe', { value: 2 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(moduleRef.get(ProbeListener).received).toEqual([{ value: 2 }]);
    await moduleRef.close();
  });

  it('resolves emitAndWait only once the listeners have run, even a failing one', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [DomainEventsModule], providers: [ProbeListener] }).compile();
    await moduleRef.init();
    moduleRef.useLogger(false);
    const sut = moduleRef.get(DomainEventBus);

    await sut.emitAndWait('bus.probe', { value: 3 });
    expect(moduleRef.get(ProbeListener).received).toEqual([{ value: 3 }]);
    await expect(sut.emitAndWait('bus.probe', { value: -1 })).resolves.toBeUndefined();
    await moduleRef.close();
  });
});
