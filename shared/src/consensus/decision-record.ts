import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { canonicalJson } from './canonical-json';
import type { DecisionDto, DecisionRecord, VerifyResult } from './dto';

/** `prevHash` of the first decision (seq 1). */
export const GENESIS_HASH = '0'.repeat(64);

/** Lowercase hex SHA-256 of the UTF-8 text; synchronous and identical in Node and browsers. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/**
 * A SHA-256 implementation (UTF-8 text → lowercase hex). The pure-JS default runs everywhere;
 * the server passes Node's native one, about four times faster on a large register.
 */
export type Sha256Hex = (text: string) => string;

/**
 * SHA-256 hex of `prevHash + canonicalJson(record)`. The record is the decision without
 * `hash` (it does keep `seq` and `prevHash`); a `hash` field passed in is ignored, so a stored
 * decision can be given as is.
 */
export function decisionHash(
  prevHash: string,
  record: DecisionRecord | DecisionDto,
  digest: Sha256Hex = sha256Hex,
): string {
  const { hash: _ignored, ...rest } = record as DecisionDto;
  return digest(prevHash + canonicalJson(rest));
}

/** The next link of the register: `seq` and `prevHash` follow `previous` (null for the first decision). */
export function appendDecision(
  previous: Pick<DecisionDto, 'seq' | 'hash'> | null,
  fields: Omit<DecisionRecord, 'seq' | 'prevHash'>,
  digest: Sha256Hex = sha256Hex,
): DecisionDto {
  const record: DecisionRecord = {
    ...fields,
    seq: previous ? previous.seq + 1 : 1,
    prevHash: previous ? previous.hash : GENESIS_HASH,
  };
  return { ...record, hash: decisionHash(record.prevHash, record, digest) };
}

/**
 * Recomputes the chain in `seq` order (the input may be in any order) and names the first
 * broken link: a missing or repeated seq (`firstBrokenSeq` is the seq that was expected), a
 * `prevHash` that is not the previous decision's hash, or a stored hash that does not match
 * the record. `head` is the hash of the last decision that verified (`GENESIS_HASH` if none).
 */
export function verifyChain(decisions: readonly DecisionDto[], digest: Sha256Hex = sha256Hex): VerifyResult {
  const ordered = [...decisions].sort((a, b) => a.seq - b.seq);
  let head = GENESIS_HASH;
  for (const [index, decision] of ordered.entries()) {
    const expectedSeq = index + 1;
    const broken = (failure: VerifyResult['failure'], seq: number): VerifyResult => ({
      valid: false,
      length: ordered.length,
      head,
      firstBrokenSeq: seq,
      failure,
    });
    if (decision.seq !== expectedSeq) return broken('seq', expectedSeq);
    if (decision.prevHash !== head) return broken('prev_hash', decision.seq);
    if (decisionHash(decision.prevHash, decision, digest) !== decision.hash) {
      return broken('hash', decision.seq);
    }
    head = decision.hash;
  }
  return { valid: true, length: ordered.length, head };
}
