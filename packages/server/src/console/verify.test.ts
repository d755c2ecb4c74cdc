import { expect, it } from 'vitest';
import { createSealer, toSealedRecord } from '../seal.js';
import { makeRecord, makeSigningKey } from '../test-utils/fixtures.js';
import { verifyRecord } from './ui/verify.js';

// The console's in-browser verifier (WebCrypto), run here on Node's WebCrypto against the real sealer.
it('verifies a sealed record from a batch, and names the check a tampered copy fails', async () => {
  const key = makeSigningKey();
  const seal = createSealer(key);
  const rows = [1, 2, 3].map((n, i) => seal.link({ record: makeRecord(), receivedAt: `2026-11-23T10:00:0${n}.000Z`, ip: null }, 'main', { seq: i, hash: 'a'.repeat(64) }));
  seal.sign(rows);
  const keys = [{ keyId: key.keyId, publicKey: key.publicKeyRaw }];
  const record = toSealedRecord(rows[1]!);
  expect((await verifyRecord(record, keys)).map((c) => [c.name, c.ok])).toEqual([
    ['hash', true],
    ['chain link', true],
    ['Merkle path', true],
    ['signature', true],
  ]);
  const failed = async (r: typeof record, k = keys) => (await verifyRecord(r, k)).filter((c) => !c.ok).map((c) => c.name);
  expect(await failed({ ...record, method: 'accept-all' })).toEqual(['hash']);
  expect(await failed({ ...record, tree: { ...record.tree!, index: 0 } })).toEqual(['Merkle path']); // the signature covers the stored root, which the bad path no longer reaches
  expect(await failed({ ...record, signature: toSealedRecord(rows[0]!).signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) })).toEqual(['signature']);
  expect(await failed(record, [])).toEqual(['signature']);
});
