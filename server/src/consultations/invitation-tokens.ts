import { Injectable, OnModuleInit } from '@nestjs/common';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppConfigService } from '../config/app-config.service';

/** A link's token: 128 bits, base64url (22 characters). */
export const INVITATION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export interface IssuedToken {
  token: string;
  hash: string;
  nonce: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Invitation tokens. Each is the first 128 bits of HMAC(key, nonce) with a random 128-bit nonce,
 * the key derived from the server's secret: the database keeps only the nonce and the token's
 * SHA-256, so reading it yields no working link, while the server can repeat an ILI's link in
 * the reminder. Rotating JWT_SECRET ends every link (revoke and re-launch to send new ones).
 */
@Injectable()
export class InvitationTokens implements OnModuleInit {
  private key?: Buffer;

  constructor(private readonly config: AppConfigService) {}

  async onModuleInit(): Promise<void> {
    // Read once: in in-memory mode each call would draw a new secret.
    const secret = await this.config.resolveJwtSecret();
    this.key = createHmac('sha256', secret).update('coupole consultation invitation tokens').digest();
  }

  issue(): IssuedToken {
    const nonce = randomBytes(16).toString('hex');
    const token = this.tokenOf(nonce);
    return { token, hash: hashToken(token), nonce };
  }

  /** The token of a stored nonce (for the reminder's link). */
  tokenOf(nonce: string): string {
    if (!this.key) throw new Error('InvitationTokens used before module init');
    return createHmac('sha256', this.key).update(nonce, 'utf8').digest().subarray(0, 16).toString('base64url');
  }

  /** Whether `token` is the one derived from the stored nonce and hash, compared in constant time. */
  matches(token: string, stored: { tokenHash: string; tokenNonce: string }): boolean {
    const expected = Buffer.from(this.tokenOf(stored.tokenNonce), 'utf8');
    const given = Buffer.from(token, 'utf8');
    const hashOk = timingSafeEqual(Buffer.from(hashToken(token), 'hex'), Buffer.from(stored.tokenHash, 'hex'));
    return given.length === expected.length && timingSafeEqual(given, expected) && hashOk;
  }
}
