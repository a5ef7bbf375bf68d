import { join } from 'node:path';
import { IN_MEMORY_DATA_DIR } from '../../config/environment';

/** Where the embedded PostgreSQL keeps its files: DATA_DIR/pglite (or in memory for tests). */
export function embeddedDirectory(dataDir: string): string {
  return dataDir === IN_MEMORY_DATA_DIR ? IN_MEMORY_DATA_DIR : join(dataDir, 'pglite');
}
