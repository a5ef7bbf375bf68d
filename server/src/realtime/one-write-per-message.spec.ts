import { createServer, type Socket as NetSocket } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { installOneWritePerMessage } from './one-write-per-message';

/** How many times the server's TCP socket reached the kernel while `act` ran and its frames arrived. */
async function tcpWritesFor(act: (server: Server) => void, received: Promise<unknown>, server: Server, tcp: NetSocket): Promise<number> {
  let writes = 0;
  const write = tcp._write.bind(tcp);
  const writev = tcp._writev?.bind(tcp);
  tcp._write = (...args: Parameters<NetSocket['_write']>) => {
    writes++;
    return write(...args);
  };
  if (writev) {
    tcp._writev = (...args: Parameters<NonNullable<NetSocket['_writev']>>) => {
      writes++;
      return writev(...args);
    };
  }
  act(server);
  await received;
  return writes;
}

describe('one write per socket.io message', () => {
  let server: Server;
  let client: ClientSocket;
  let tcp: NetSocket;

  beforeAll(async () => {
    installOneWritePerMessage();
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    server = new Server(port, { perMessageDeflate: false });
    const connected = new Promise<NetSocket>((resolve) =>
      server.on('connection', (socket) => resolve((socket.conn.transport as unknown as { socket: { _socket: NetSocket } }).socket._socket)),
    );
    client = connect(`http://127.0.0.1:${port}`, { transports: ['websocket'] });
    tcp = await connected;
  });

  afterAll(async () => {
    client.close();
    await server.close();
  });

  it('sends an event with binary data (two engine.io packets) in one TCP write, and it arrives whole', async () => {
    const received = new Promise<Uint8Array>((resolve) => client.once('sync', (bytes: ArrayBuffer) => resolve(new Uint8Array(bytes))));
    const writes = await tcpWritesFor((io) => io.emit('sync', new Uint8Array([1, 2, 3])), received, server, tcp);
    expect(writes).toBe(1);
    await expect(received).resolves.toEqual(new Uint8Array([1, 2, 3]));
  });

  /** The buffers handed to the TCP socket while `act` runs and `event` arrives. */
  async function writesFor(event: string, act: () => void): Promise<Buffer[]> {
    const chunks: Buffer[] = [];
    const write = tcp.write.bind(tcp);
    tcp.write = ((chunk: Buffer, ...rest: unknown[]) => {
      chunks.push(Buffer.from(chunk));
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as NetSocket['write'];
    const received = new Promise((resolve) => client.once(event, resolve));
    act();
    await received;
    tcp.write = write;
    return chunks;
  }

  it('writes a room broadcast of binary data as the very frames engine.io writes for one socket, in one buffer', async () => {
    const [socket] = await server.fetchSockets();
    const payload = new Uint8Array(300).map((_, index) => index % 251);
    const alone = await writesFor('sync', () => server.sockets.sockets.get(socket.id)!.emit('sync', payload));
    const broadcast = await writesFor('sync', () => server.to(socket.id).emit('sync', payload));
    expect(Buffer.concat(broadcast)).toEqual(Buffer.concat(alone));
    // Framed once for the room: one buffer (framed per socket, ws hands over each frame's header and payload).
    expect(broadcast).toHaveLength(1);
    expect(alone.length).toBeGreaterThan(1);
  });

  it('writes a room broadcast of a text-only event (/live) as one buffer, the same bytes', async () => {
    const [socket] = await server.fetchSockets();
    const event = { type: 'round.updated', seq: 3 };
    const alone = await writesFor('note', () => server.sockets.sockets.get(socket.id)!.emit('note', event));
    const broadcast = await writesFor('note', () => server.to(socket.id).emit('note', event));
    expect(Buffer.concat(broadcast)).toEqual(Buffer.concat(alone));
    expect(broadcast).toHaveLength(1);
  });

  it('writes a broadcast to a socket with nothing waiting outside engine.io\'s packet queue, a turn\'s broadcasts in one TCP write', async () => {
    const [socket] = await server.fetchSockets();
    const connection = server.sockets.sockets.get(socket.id)!.conn;
    let queued = 0;
    const count = () => queued++;
    connection.on('packetCreate', count);
    const seen: number[] = [];
    const all = new Promise<void>((resolve) =>
      client.on('sync', (bytes: ArrayBuffer) => {
        seen.push(new Uint8Array(bytes)[0]);
        if (seen.length === 4) resolve();
      }),
    );
    const writes = await tcpWritesFor((io) => [1, 2, 3, 4].forEach((n) => io.to(socket.id).emit('sync', new Uint8Array([n]))), all, server, tcp);
    connection.off('packetCreate', count);
    client.off('sync');
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(writes).toBe(1);
    expect(queued).toBe(0);
  });

  it('puts a broadcast behind what engine.io already holds for the socket, and what follows behind it', async () => {
    const seen: unknown[] = [];
    const all = new Promise<void>((resolve) => {
      const record = (value: unknown) => {
        seen.push(typeof value === 'string' ? value : [...new Uint8Array(value as ArrayBuffer)]);
        if (seen.length === 5) resolve();
      };
      client.on('sync', record);
      client.on('note', record);
    });
    const socket = server.sockets.sockets.get((await server.fetchSockets())[0].id)!;
    socket.emit('note', 'first, alone');
    server.emit('sync', new Uint8Array([1]));
    server.emit('note', 'a text broadcast');
    socket.emit('note', 'after, alone');
    server.emit('sync', new Uint8Array([2]));
    await all;
    client.off('sync');
    client.off('note');
    expect(seen).toEqual(['first, alone', [1], 'a text broadcast', 'after, alone', [2]]);
  });

  it('keeps the order of messages emitted in one turn', async () => {
    const seen: number[] = [];
    const all = new Promise<void>((resolve) =>
      client.on('sync', (bytes: ArrayBuffer) => {
        seen.push(new Uint8Array(bytes)[0]);
        if (seen.length === 3) resolve();
      }),
    );
    await tcpWritesFor((io) => [7, 8, 9].forEach((n) => io.emit('sync', new Uint8Array([n]))), all, server, tcp);
    client.off('sync');
    expect(seen).toEqual([7, 8, 9]);
  });
});

describe('a room broadcast to sockets that negotiated differently', () => {
  it('reaches a client that asked for base64 as well as binary ones, in order, and acknowledgements still come back', async () => {
    installOneWritePerMessage();
    const server = new Server(0, { perMessageDeflate: false });
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    server.listen(port);
    server.on('connection', (socket) => socket.on('ping-me', (done: (answer: string) => void) => done('pong')));
    const clients = [
      connect(`http://127.0.0.1:${port}`, { transports: ['websocket'] }),
      connect(`http://127.0.0.1:${port}`, { transports: ['websocket'], forceBase64: true }),
    ];
    try {
      await Promise.all(clients.map((client) => new Promise<void>((resolve) => client.once('connect', () => resolve()))));
      const seen = clients.map(() => [] as unknown[]);
      const all = Promise.all(
        clients.map(
          (client, index) =>
            new Promise<void>((resolve) => {
              const record = (value: unknown) => {
                seen[index].push(typeof value === 'string' ? value : [...new Uint8Array(value as ArrayBuffer)]);
                if (seen[index].length === 3) resolve();
              };
              client.on('sync', record);
              client.on('note', record);
            }),
        ),
      );
      server.emit('sync', new Uint8Array([1, 2]));
      server.emit('note', 'between');
      server.emit('sync', new Uint8Array([3]));
      await all;
      expect(seen).toEqual([
        [[1, 2], 'between', [3]],
        [[1, 2], 'between', [3]],
      ]);
      for (const client of clients) await expect(client.timeout(2_000).emitWithAck('ping-me')).resolves.toBe('pong');
    } finally {
      clients.forEach((client) => client.close());
      await server.close();
    }
  });
});
