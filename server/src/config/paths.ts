import { resolve } from 'node:path';

// Same depth from src/config and dist/config, so both resolve to the package folder.
export const SERVER_ROOT = resolve(__dirname, '..', '..');
export const REPO_ROOT = resolve(SERVER_ROOT, '..');
export const CLIENT_DIST = resolve(REPO_ROOT, 'client', 'dist');
export const DEFAULT_DATA_DIR = resolve(REPO_ROOT, 'data');
