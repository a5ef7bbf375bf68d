import type { Sha256Hex } from '@coupole/shared';
import { createHash } from 'node:crypto';

/** Node's native SHA-256 for the register (same digest as the shared portable one, faster). */
export const nativeSha256Hex: Sha256Hex = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
