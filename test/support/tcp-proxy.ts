import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { freePort } from './server-process';

/**
 * Forwards TCP connections to `target` (Redis or a server in the fault tests): `cut()` resets every
 * open connection and refuses new ones until `restore()`; `stall()` keeps them open and drops
 * every byte. Lets a test break one server's link to a
 * shared service without stopping the service for everyone else.
 */
export class TcpProxy {
  private readonly server: Server;
  private readonly open = new Set<Socket>();
  private refusing = false;
  /** Connections that died silently: kept open, forwarding nothing. */
  private readonly stalled = new Set<Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {
    this.server = createServer((client) => {
      if (this.refusing) {
        client.resetAndDestroy();
        return;
      }
      const upstream = createConnection(this.target);
      this.open.add(client).add(upstream);
      const drop = () => {
        this.stalled.delete(client);
        client.destroy();
        upstream.destroy();
        this.open.delete(client);
        this.open.delete(upstream);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      // Forwarded by hand rather than piped, so that `stall()` can swallow bytes in both directions.
      client.on('data', (chunk) => {
        if (!this.stalled.has(client)) upstream.write(chunk);
      });
      upstream.on('data', (chunk) => {
        if (!this.stalled.has(client)) client.write(chunk);
      });
    });
  }

  /** Listens on a free port of 127.0.0.1; returns the URL of `targetUrl` rewritten to go through it. */
  async listen(targetUrl: string): Promise<string> {
    this.port = await freePort();
    await new Promise<void>((resolve) => this.server.listen(this.port, '127.0.0.1', resolve));
    const proxied = new URL(targetUrl);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(this.port);
    return proxied.toString();
  }

  cut(): void {
    this.refusing = true;
    for (const socket of this.open) socket.resetAndDestroy();
    this.open.clear();
  }

  restore(): void {
    this.refusing = false;
    this.stalled.clear();
  }

  /**
   * The connections open now die silently (a NAT or Wi-Fi dropping them without a TCP reset): they
   * stay open but carry nothing more. New connections get through, as on a network that is back.
   */
  stall(): void {
    for (const socket of this.open) this.stalled.add(socket);
  }

  close(): Promise<void> {
    this.cut();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
