import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson, type ChainedRecord, type ConsentRecord, type Receipt, type SealedRecord } from '@consentry/protocol';
import type { SigningKey } from './keys.js';
import type { AppendInput, Sealer, StoredRow } from './storage/types.js';

/*
 * The chain: each stored record is the client's record plus receivedAt, ip, chain, seq and
 * prevHash (the previous record's hash in the same chain). `hash` is SHA-256 over the canonical
 * JSON of exactly that object, so it covers the previous hash; `signature` is Ed25519 over the
 * 32 hash bytes. Node's synchronous hashing is used here because sealing runs inside a database
 * transaction; it gives the same digest as @consentry/protocol's sha256Hex (tested).
 */

const SERVER_FIELDS = ['receivedAt', 'ip', 'chain', 'seq', 'prevHash'] as const;

export function sha256HexSync(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function createSealer(key: SigningKey): Sealer {
  return (input: AppendInput, chain, prev): StoredRow => {
    const seq = prev.seq + 1;
    const entry: ChainedRecord = { ...input.record, receivedAt: input.receivedAt, ip: input.ip, chain, seq, prevHash: prev.hash };
    const body = canonicalJson(entry);
    const hash = sha256HexSync(body);
    const signature = sign(null, Buffer.from(hash, 'hex'), key.privateKey).toString('base64url');
    return {
      chain,
      seq,
      recordId: input.record.recordId,
      consentId: input.record.consentId,
      receivedAt: input.receivedAt,
      noticeHash: input.record.noticeHash,
      body,
      hash,
      signature,
      keyId: key.keyId,
    };
  };
}

export function toSealedRecord(row: StoredRow): SealedRecord {
  return { ...(JSON.parse(row.body) as ChainedRecord), hash: row.hash, signature: row.signature, keyId: row.keyId };
}

export function toReceipt(row: StoredRow): Receipt {
  return { recordId: row.recordId, seq: row.seq, hash: row.hash, signature: row.signature, keyId: row.keyId };
}

/** Whether a stored row holds exactly this client record (idempotent replay vs. reused recordId). */
export function holdsRecord(row: StoredRow, record: ConsentRecord): boolean {
  const stored = JSON.parse(row.body) as Record<string, unknown>;
  for (const field of SERVER_FIELDS) delete stored[field];
  return canonicalJson(stored) === canonicalJson(record);
}

/** Checks one row against the link before it; returns why it does not verify, or null. */
export function checkRow(row: StoredRow, prev: { seq: number; hash: string }, keys: ReadonlyMap<string, KeyObject>): string | null {
  if (row.seq !== prev.seq + 1) return `sequence gap: expected seq ${prev.seq + 1}, found ${row.seq}`;
  let entry: ChainedRecord;
  try {
    entry = JSON.parse(row.body) as ChainedRecord;
  } catch {
    return 'stored record is not valid JSON';
  }
  if (sha256HexSync(row.body) !== row.hash) return 'hash does not match the stored record';
  let canonical: string;
  try {
    canonical = canonicalJson(entry);
  } catch {
    canonical = '';
  }
  if (canonical !== row.body) return 'stored record is not in canonical form';
  if (entry.prevHash !== prev.hash) return 'prevHash does not link to the previous record';
  if (
    entry.seq !== row.seq ||
    entry.chain !== row.chain ||
    entry.recordId !== row.recordId ||
    entry.consentId !== row.consentId ||
    entry.receivedAt !== row.receivedAt ||
    entry.noticeHash !== row.noticeHash
  ) {
    return 'index columns disagree with the hashed record';
  }
  const key = keys.get(row.keyId);
  if (!key) return `unknown signing key ${row.keyId}`;
  let good = false;
  try {
    good = verify(null, Buffer.from(row.hash, 'hex'), key, Buffer.from(row.signature, 'base64url'));
  } catch {
    good = false;
  }
  return good ? null : 'signature does not verify';
}
