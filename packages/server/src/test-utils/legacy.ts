import { sign } from 'node:crypto';
import { GENESIS_HASH, canonicalJson, type ChainedRecord } from '@consentry/protocol';
import type { SigningKey } from '../keys.js';
import { MIGRATIONS } from '../storage/schema.js';
import { sha256HexSync } from '../seal.js';
import { makeRecord } from './fixtures.js';

/**
 * SQL that builds a schema-version-1 database holding `n` records of one chain, sealed the way
 * version 1 did (an Ed25519 signature per record, over its hash): what an upgrade starts from.
 */
export function legacyDatabase(key: SigningKey, n: number, seqType: 'INTEGER' | 'BIGINT', consentId: string): { sql: string; recordIds: string[] } {
  const q = (v: string) => `'${v.replaceAll("'", "''")}'`;
  const statements = [
    MIGRATIONS[0]!.sql!.replaceAll('{{seq}}', seqType),
    'CREATE TABLE IF NOT EXISTS consentry_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
    `INSERT INTO consentry_migrations (version, applied_at) VALUES (1, '2026-01-01T00:00:00.000Z')`,
    `INSERT INTO consentry_keys (key_id, public_key, created_at) VALUES (${q(key.keyId)}, ${q(key.publicKeyRaw)}, '2026-01-01T00:00:00.000Z')`,
  ];
  let prev = GENESIS_HASH;
  const recordIds: string[] = [];
  for (let seq = 1; seq <= n; seq++) {
    // Decided in reverse order of arrival, so the upgrade must order the history by decision time;
    // in the forms a record may take (…00Z, …00.5Z), which migration 3 stores as instants.
    const record = makeRecord({ consentId, timestamp: `2026-0${1 + n - seq}-10T00:00:00${['.000Z', 'Z', '.5Z'][seq % 3]}` });
    const receivedAt = `2026-0${seq}-15T00:00:00.000Z`;
    const entry: ChainedRecord = { ...record, receivedAt, ip: null, chain: 'main', seq, prevHash: prev };
    const body = canonicalJson(entry);
    const hash = sha256HexSync(body);
    const signature = sign(null, Buffer.from(hash, 'hex'), key.privateKey).toString('base64url');
    statements.push(
      `INSERT INTO consentry_records (chain, seq, record_id, consent_id, received_at, notice_hash, body, hash, signature, key_id) VALUES ('main', ${seq}, ${q(record.recordId)}, ${q(consentId)}, ${q(receivedAt)}, ${q(record.noticeHash)}, ${q(body)}, ${q(hash)}, ${q(signature)}, ${q(key.keyId)})`,
    );
    recordIds.push(record.recordId);
    prev = hash;
  }
  statements.push(`INSERT INTO consentry_chains (chain, seq, hash, base_seq, base_hash) VALUES ('main', ${n}, ${q(prev)}, 0, ${q(GENESIS_HASH)})`);
  return { sql: statements.join(';\n'), recordIds };
}
