import type { KeyObject } from 'node:crypto';
import { publicKeyFromRaw } from './keys.js';
import { checkRow } from './seal.js';
import type { StorageAdapter } from './storage/types.js';

export type VerifyResult =
  | { ok: true; chains: number; records: number }
  | { ok: false; chain: string; seq: number; recordId: string | null; reason: string; records: number };

/**
 * Walks every chain from its base (genesis, or the last purged record) to its head and stops at
 * the first record that does not verify: hash, canonical form, link, index columns, signature.
 */
export async function verifyStorage(storage: StorageAdapter, extraKeys: ReadonlyMap<string, KeyObject> = new Map()): Promise<VerifyResult> {
  const keys = new Map(extraKeys);
  for (const k of await storage.publicKeys()) if (!keys.has(k.keyId)) keys.set(k.keyId, publicKeyFromRaw(k.publicKey));
  const heads = await storage.heads();
  let records = 0;
  const verified = new Map<string, boolean>(); // one signature check per batch, not per record
  for (const head of heads) {
    let prev = { seq: head.baseSeq, hash: head.baseHash };
    for (;;) {
      const rows = await storage.listChain(head.chain, prev.seq, 1000);
      if (rows.length === 0) break;
      for (const row of rows) {
        const reason = checkRow(row, prev, keys, verified);
        if (reason) return { ok: false, chain: head.chain, seq: row.seq, recordId: row.recordId, reason, records };
        prev = { seq: row.seq, hash: row.hash };
        records += 1;
      }
    }
    if (prev.seq !== head.seq || prev.hash !== head.hash) {
      return {
        ok: false,
        chain: head.chain,
        seq: prev.seq + 1,
        recordId: null,
        reason: `chain ends at seq ${prev.seq} but its head is seq ${head.seq}: records are missing or the head was altered`,
        records,
      };
    }
  }
  return { ok: true, chains: heads.length, records };
}

export function describeVerifyResult(result: VerifyResult): string {
  if (result.ok) return `ok: ${result.records} records in ${result.chains} chain(s) verify`;
  const who = result.recordId ? `record ${result.recordId}` : 'a missing record';
  return `FAILED at ${who} (chain ${result.chain}, seq ${result.seq}): ${result.reason}; ${result.records} records before it verify`;
}
