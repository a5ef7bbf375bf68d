import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { canonicalJson } from './canonical-json';
import type { DocumentKind } from '../domain/documents';
import type { DecisionDto, DecisionRecord, VerifyFailure, VerifyResult } from './dto';

/** Format of the records appended now (see `DecisionDto.recordVersion`). */
export const DECISION_RECORD_VERSION = 3;

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

/** Checks one decision beyond its hash (what is stored or served around it); a failure or nothing. */
export type DecisionCheck<D extends DecisionDto = DecisionDto> = (decision: D) => VerifyFailure | undefined;

/** A head published earlier (register page, export, public site): seq `length` had hash `head`. */
export interface PublishedHead {
  length: number;
  head: string;
}

/**
 * Recomputes the chain in `seq` order (the input may be in any order) and names the first
 * broken link: a missing or repeated seq (`firstBrokenSeq` is the seq that was expected), a
 * `prevHash` that is not the previous decision's hash, a stored hash that does not match
 * the record, or a decision that fails `check` (served columns, decided text). With a
 * `published` head, the chain must still hold it: a deleted last row or a chain recomputed
 * from an altered record verifies on its own, but not against a head published before.
 * `head` is the hash of the last decision that verified (`GENESIS_HASH` if none).
 */
export function verifyChain<D extends DecisionDto>(
  decisions: readonly D[],
  digest: Sha256Hex = sha256Hex,
  check?: DecisionCheck<D>,
  published?: PublishedHead,
): VerifyResult {
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
    const failure = check?.(decision);
    if (failure) return broken(failure, decision.seq);
    head = decision.hash;
  }
  if (published && published.length > 0 && ordered[published.length - 1]?.hash !== published.head) {
    return { valid: false, length: ordered.length, head, firstBrokenSeq: Math.min(published.length, ordered.length + 1), failure: 'published_head' };
  }
  return { valid: true, length: ordered.length, head };
}

/** The register's stored columns beside a record: what the list filters and access checks read. */
export interface DecisionColumns {
  roundId: string;
  documentId: string;
  documentKind: DocumentKind;
  /** ISO 8601. */
  closedAt: string;
}

/**
 * `row` unless every column the API serves or filters on equals the hashed record's copy. A
 * record of format 1 has no `documentKind`: the column is then compared with `currentKind`
 * (the document's kind today), when known.
 */
export function servedColumnsFailure(
  record: DecisionDto,
  columns: DecisionColumns,
  currentKind?: DocumentKind,
): VerifyFailure | undefined {
  const kind = record.documentKind ?? currentKind;
  const same =
    columns.roundId === record.roundId &&
    columns.documentId === record.documentId &&
    Date.parse(columns.closedAt) === Date.parse(record.closedAt) &&
    (kind === undefined || columns.documentKind === kind);
  return same ? undefined : 'row';
}
