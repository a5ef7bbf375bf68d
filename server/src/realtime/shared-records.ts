/**
 * One frozen record per distinct value, shared by every socket that holds it: with thousands of
 * open tabs, a user's identity (id, role, name, caret) is one object, not one per socket
 * (`bench:connections`). A record lives as long as a socket holds it; its key then goes too.
 */
export class SharedRecords<T extends object> {
  private readonly records = new Map<string, WeakRef<Readonly<T>>>();
  private readonly finalizer = new FinalizationRegistry<string>((key) => {
    if (this.records.get(key)?.deref() === undefined) this.records.delete(key);
  });

  /** The shared record for `key`, made (and frozen) by `make` when none is alive. */
  share(key: string, make: () => T): Readonly<T> {
    const alive = this.records.get(key)?.deref();
    if (alive) return alive;
    const record = Object.freeze(make());
    this.records.set(key, new WeakRef(record));
    this.finalizer.register(record, key);
    return record;
  }
}

/** A key made of every field a record holds, so that two records differ whenever a field does. */
export const recordKey = (...fields: ReadonlyArray<string | null | undefined>) => JSON.stringify(fields);
