import { Injectable } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import type { DomainEventName, DomainEventPayload } from './domain-event-map';

/**
 * The one way a module tells the others that something happened. Emit only after the change is
 * committed: listeners run asynchronously (next tick) and their errors are logged, never
 * thrown back at the producer.
 */
@Injectable()
export class DomainEventBus {
  constructor(private readonly emitter: EventEmitter2) {}

  emit<K extends DomainEventName>(name: K, payload: DomainEventPayload<K>): void {
    this.emitter.emit(name, payload);
  }

  /**
   * Emits and resolves once every listener has run (their errors are still only logged). For a
   * producer whose answer must already reflect the reactions, e.g. the HTTP answer to opening a
   * round comes after its notifications exist.
   */
  async emitAndWait<K extends DomainEventName>(name: K, payload: DomainEventPayload<K>): Promise<void> {
    await this.emitter.emitAsync(name, payload);
  }
}

type Listener<K extends DomainEventName> = (payload: DomainEventPayload<K>) => unknown;

/**
 * Marks a provider method as a listener of one domain event. The method's parameter is checked
 * against the event's payload type, so a listener cannot drift from its producer.
 */
export function OnDomainEvent<K extends DomainEventName>(name: K) {
  const decorate = OnEvent(name, { async: true, promisify: true, suppressErrors: true });
  return <T extends Listener<K>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<T>): void => {
    decorate(target, key, descriptor);
  };
}
