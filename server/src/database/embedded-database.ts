import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { openEmbeddedDatabase, type EmbeddedConnection } from './database-options';
import { embeddedDirectory } from './embedded/directory';
import { threadWanted } from './embedded/thread-worker';
import { DatabaseThread } from './embedded/database-thread';

/**
 * Owns the embedded database; DataSource.destroy() does not close it. The built server runs it in
 * its own thread (so queries never block sockets); the TypeScript sources under test run it in
 * this thread, from a prepared template.
 */
@Injectable()
export class EmbeddedDatabase implements OnApplicationShutdown {
  private pglite?: PGlite;
  private thread?: DatabaseThread;

  constructor(private readonly moduleRef: ModuleRef) {}

  async connect(dataDir: string): Promise<EmbeddedConnection> {
    if (this.runsInOwnThread()) {
      this.thread ??= await DatabaseThread.start(embeddedDirectory(dataDir));
      return this.thread.pgConfig();
    }
    this.pglite ??= this.create(dataDir);
    return createPgConfig(this.pglite);
  }

  protected runsInOwnThread(): boolean {
    return DatabaseThread.canStart() && threadWanted();
  }

  protected create(dataDir: string): PGlite {
    return openEmbeddedDatabase(dataDir);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.pglite && !this.thread) return;
    const dataSource = this.moduleRef.get(DataSource, { strict: false });
    if (dataSource?.isInitialized) await dataSource.destroy();
    await this.pglite?.close();
    await this.thread?.close();
    this.pglite = undefined;
    this.thread = undefined;
  }
}
