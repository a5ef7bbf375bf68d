import type { AppConfigService } from '../config/app-config.service';
import { hashToken, INVITATION_TOKEN_PATTERN, InvitationTokens } from './invitation-tokens';

describe(InvitationTokens.name, () => {
  const make = async (secret: string) => {
    const tokens = new InvitationTokens({ resolveJwtSecret: () => Promise.resolve(secret) } as unknown as AppConfigService);
    await tokens.onModuleInit();
    return tokens;
  };

  it('issues distinct 128-bit tokens, stored only as their hash and nonce', async () => {
    const sut = await make('secret-one-secret-one-secret-one-0123');
    const issued = Array.from({ length: 50 }, () => sut.issue());
    expect(new Set(issued.map((item) => item.token)).size).toBe(50);
    for (const { token, hash, nonce } of issued) {
      expect(token).toMatch(INVITATION_TOKEN_PATTERN);
      expect(Buffer.from(token, 'base64url')).toHaveLength(16);
      expect(hash).toBe(hashToken(token));
      expect(nonce).not.toContain(token);
      expect(sut.matches(token, { tokenHash: hash, tokenNonce: nonce })).toBe(true);
    }
  });

  it('repeats a link from its nonce (the reminder) and refuses any other token or key', async () => {
    const sut = await make('secret-one-secret-one-secret-one-0123');
    const { token, hash, nonce } = sut.issue();
    expect(sut.tokenOf(nonce)).toBe(token);
    const other = sut.issue();
    expect(sut.matches(other.token, { tokenHash: hash, tokenNonce: nonce })).toBe(false);
    const rotated = await make('secret-two-secret-two-secret-two-0123');
    expect(rotated.matches(token, { tokenHash: hash, tokenNonce: nonce })).toBe(false);
  });
});
