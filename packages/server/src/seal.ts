import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson, type ChainedRecord, type ConsentRecord, type Receipt, type SealedRecord } from '@consentry/protocol';
import type { SigningKey } from './keys.js';
import { buildTree, rootFromPath } from './merkle.js';
import type { AppendInput, Sealer, StoredRow } from './storage/types.js';

/*
 * The chain: each stored record is the client's record plus receivedAt, ip, chain, seq and
 * prevHash (the previous record's hash in the same chain). `hash` is SHA-256 over the canonical
 * JSON of exactly that object, so it covers the previous hash. Each committed batch is signed once:
 * Ed25519 over the root of a Merkle tree of its records' hashes (merkle.ts), and every record keeps
 * its audit path, so one receipt verifies on its own. One signature per batch instead of per record
 * is what lets the server keep up (Ed25519 signing was the largest single cost per record).
 * Records sealed before batch signing carry `tree: null` and a signature over their own hash.
 * Node's synchronous hashing is used because sealing runs inside a database transaction; it gives
 * the same digest as @consentry/protocol's sha256Hex (tested).
 */

const SERVER_FIELDS = ['receivedAt', 'ip', 'chain', 'seq', 'prevHash'] as const;

export function sha256HexSync(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * A decision time as the instant it names, in one fixed-width form (`…00.000Z`), so that text
 * order is time order: `…00Z` and `…00.15Z` are both accepted, and as text the first sorts last.
 */
export function decisionInstant(timestamp: string): string {
  // Validated records are `…Z` with 0-3 fraction digits: 24 characters is already the fixed form.
  if (timestamp.length === 24 && timestamp.charCodeAt(19) === 46 && timestamp.endsWith('Z')) return timestamp;
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? timestamp : new Date(ms).toISOString();
}

export function createSealer(key: SigningKey): Sealer {
  return {
    link(input: AppendInput, chain, prev): StoredRow {
      const seq = prev.seq + 1;
      const entry: ChainedRecord = { ...input.record, receivedAt: input.receivedAt, ip: input.ip, chain, seq, prevHash: prev.hash };
      const body = canonicalJson(entry);
      return {
        chain,
        seq,
        recordId: input.record.recordId,
        consentId: input.record.consentId,
        receivedAt: input.receivedAt,
        decidedAt: decisionInstant(input.record.timestamp),
        noticeHash: input.record.noticeHash,
        body,
        hash: sha256HexSync(body),
        signature: '',
        keyId: key.keyId,
        tree: null,
      };
    },
    sign(rows) {
      if (rows.length === 0) return;
      const tree = buildTree(rows.map((r) => Buffer.from(r.hash, 'hex')));
      const signature = sign(null, tree.root, key.privateKey).toString('base64url');
      const root = tree.root.toString('hex');
      // Sibling nodes are shared by many paths: hex-encode each once.
      const hex = new Map<Buffer, string>();
      const toHex = (b: Buffer) => hex.get(b) ?? (hex.set(b, b.toString('hex')), hex.get(b)!);
      rows.forEach((row, index) => {
        row.signature = signature;
        row.keyId = key.keyId;
        row.tree = { index, size: rows.length, root, path: tree.path(index).map(toHex) };
      });
    },
  };
}

export function toSealedRecord(row: StoredRow): SealedRecord {
  const sealed: SealedRecord = { ...(JSON.parse(row.body) as ChainedRecord), hash: row.hash, signature: row.signature, keyId: row.keyId };
  if (row.tree) sealed.tree = row.tree;
  return sealed;
}

export function toReceipt(row: StoredRow): Receipt {
  const receipt: Receipt = { recordId: row.recordId, seq: row.seq, hash: row.hash, signature: row.signature, keyId: row.keyId };
  if (row.tree) receipt.tree = row.tree;
  return receipt;
}

/**
 * Checks a receipt (or a stored row's seal) offline against a public key: the audit path must lead
 * from `hash` to `tree.root`, and the signature must be over that root (or over `hash` when there
 * is no tree). Returns why it fails, or null. Memoises verified (root, signature) pairs in `cache`.
 */
export function sealProblem(seal: { hash: string; signature: string; tree?: Receipt['tree'] | null }, key: KeyObject, cache?: Map<string, boolean>): string | null {
  if (!/^[0-9a-f]{64}$/.test(seal.hash)) return 'hash is not a SHA-256 hex digest';
  let message: Buffer = Buffer.from(seal.hash, 'hex');
  if (seal.tree) {
    const { index, size, root, path } = seal.tree;
    if (!Array.isArray(path) || !path.every((p) => typeof p === 'string' && /^[0-9a-f]{64}$/.test(p))) return 'batch inclusion proof is malformed';
    const computed = rootFromPath(message, index, size, path.map((p) => Buffer.from(p, 'hex')));
    if (!computed || computed.toString('hex') !== root) return 'batch inclusion proof does not lead to the signed root';
    message = computed;
  }
  const memo = `${message.toString('hex')}.${seal.signature}`;
  let good = cache?.get(memo);
  if (good === undefined) {
    try {
      good = verify(null, message, key, Buffer.from(seal.signature, 'base64url'));
    } catch {
      good = false;
    }
    cache?.set(memo, good);
  }
  return good ? null : 'signature does not verify';
}

export const verifySeal = (seal: { hash: string; signature: string; tree?: Receipt['tree'] | null }, key: KeyObject): boolean => sealProblem(seal, key) === null;

/** Whether a stored row holds exactly this client record (idempotent replay vs. reused recordId). */
export function holdsRecord(row: StoredRow, record: ConsentRecord): boolean {
  const stored = JSON.parse(row.body) as Record<string, unknown>;
  for (const field of SERVER_FIELDS) delete stored[field];
  return canonicalJson(stored) === canonicalJson(record);
}

/** Checks one row against the link before it; returns why it does not verify, or null. */
export function checkRow(
  row: StoredRow,
  prev: { seq: number; hash: string },
  keys: ReadonlyMap<string, KeyObject>,
  cache?: Map<string, boolean>,
): string | null {
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
    decisionInstant(entry.timestamp) !== row.decidedAt ||
    entry.noticeHash !== row.noticeHash
  ) {
    return 'index columns disagree with the hashed record';
  }
  const key = keys.get(row.keyId);
  if (!key) return `unknown signing key ${row.keyId}`;
  return sealProblem(row, key, cache);
}
