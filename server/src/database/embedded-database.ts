import { PGlite } from '@electric-sql/pglite';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { openEmbeddedDatabase } from './database-options';

/** Owns the PGlite instance in embedded mode; DataSource.destroy() does not close it. */
@Injectable()
export class EmbeddedDatabase implements OnApplicationShutdown {
  private pglite?: PGlite;

  constructor(private readonly moduleRef: ModuleRef) {}

  open(dataDir: string): PGlite {
    this.pglite ??= this.create(dataDir);
    return this.pglite;
  }

  protected create(dataDir: string): PGlite {
    return openEmbeddedDatabase(dataDir);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.pglite) return;
    const dataSource = this.moduleRef.get(DataSource, { strict: false });
    if (dataSource?.isInitialized) await dataSource.destroy();
    await this.pglite.close();
    this.pglite = undefined;
  }
}
