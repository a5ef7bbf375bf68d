import * as Y from 'yjs';
import { PendingUpdates } from './pending-updates';

function typedUpdates(...words: string[]): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const word of words) doc.getText('body').insert(doc.getText('body').length, word);
  return { doc, updates };
}

function textOf(update: Uint8Array, ...earlier: Uint8Array[]): string {
  const doc = new Y.Doc();
  earlier.forEach((previous) => Y.applyUpdate(doc, previous));
  Y.applyUpdate(doc, update);
  return doc.getText('body').toString();
}

describe(PendingUpdates.name, () => {
  it('is empty until a local update arrives and again once its batch is acknowledged', () => {
    const sut = new PendingUpdates();
    const { updates } = typedUpdates('Bonjour');
    expect(sut.isEmpty).toBe(true);

    sut.add(updates[0]);
    expect(sut.isEmpty).toBe(false);
    const batch = sut.takeBatch();
    expect(sut.isEmpty).toBe(false);

    expect(sut.acknowledge(batch!.id)).toBe(true);
    expect(sut.isEmpty).toBe(true);
  });

  it('merges several queued updates into one batch that rebuilds the whole text', () => {
    const sut = new PendingUpdates();
    const { updates } = typedUpdates('Note ', 'sur ', 'le décret');
    updates.forEach((update) => sut.add(update));

    const batch = sut.takeBatch();

    expect(textOf(batch!.update)).toBe('Note sur le décret');
    expect(sut.takeBatch()).toBeNull();
  });

  it('keeps updates typed while a batch is in flight pending after that batch is acknowledged', () => {
    const sut = new PendingUpdates();
    const { updates } = typedUpdates('un ', 'deux');
    sut.add(updates[0]);
    const first = sut.takeBatch()!;
    sut.add(updates[1]);

    sut.acknowledge(first.id);

    expect(sut.size).toBe(1);
    expect(textOf(sut.takeBatch()!.update, updates[0])).toBe('un deux');
  });

  it('sends unacknowledged batches again after a reconnection, and ignores their late acks', () => {
    const sut = new PendingUpdates();
    const { updates } = typedUpdates('hors ', 'ligne');
    sut.add(updates[0]);
    const lost = sut.takeBatch()!;
    sut.add(updates[1]);

    sut.requeueInFlight();
    const resent = sut.takeBatch()!;

    expect(textOf(resent.update)).toBe('hors ligne');
    expect(sut.acknowledge(lost.id)).toBe(false);
    expect(sut.isEmpty).toBe(false);
    expect(sut.acknowledge(resent.id)).toBe(true);
    expect(sut.isEmpty).toBe(true);
  });

  it('puts a refused batch back in front of the queue', () => {
    const sut = new PendingUpdates();
    const { updates } = typedUpdates('A', 'B');
    sut.add(updates[0]);
    const refused = sut.takeBatch()!;
    sut.add(updates[1]);

    sut.retry(refused.id);

    expect(textOf(sut.takeBatch()!.update)).toBe('AB');
  });
});
