import { WireMessageSplitter } from './wire-message-splitter';

function startup(): Uint8Array {
  const body = Buffer.from('user\0postgres\0database\0postgres\0\0');
  const message = Buffer.alloc(8 + body.length);
  message.writeInt32BE(message.length, 0);
  message.writeInt32BE(196608, 4);
  body.copy(message, 8);
  return message;
}

function query(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`);
  const message = Buffer.alloc(5 + text.length);
  message.write('Q', 0);
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}

const cancel = (): Uint8Array => {
  const message = Buffer.alloc(16);
  message.writeInt32BE(16, 0);
  message.writeInt32BE(80877102, 4);
  return message;
};

const join = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const text = (messages: Uint8Array[]) => messages.map((message) => Buffer.from(message).toString('latin1'));

describe(WireMessageSplitter.name, () => {
  it('passes the startup message, then typed messages, each whole', () => {
    const sut = new WireMessageSplitter();
    const messages = sut.push(join(startup(), query('SELECT 1'), query('SELECT 2')));
    expect(text(messages)).toEqual(text([startup(), query('SELECT 1'), query('SELECT 2')]));
  });

  it('waits for the rest of a message cut anywhere, even inside its length', () => {
    const stream = join(startup(), query('BEGIN'), query('COMMIT'));
    for (let cut = 1; cut < stream.length; cut++) {
      const sut = new WireMessageSplitter();
      const messages = [...sut.push(stream.subarray(0, cut)), ...sut.push(stream.subarray(cut))];
      expect(text(messages)).toEqual(text([startup(), query('BEGIN'), query('COMMIT')]));
    }
  });

  it('drops a cancel request, which PGlite cannot act on', () => {
    const sut = new WireMessageSplitter();
    expect(sut.push(cancel())).toEqual([]);
    expect(text(sut.push(join(startup(), query('SELECT 1'))))).toEqual(text([startup(), query('SELECT 1')]));
  });
});
