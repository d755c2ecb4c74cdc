import { SCHEMA_VERSION } from '../storage/schema.js';
import { expect, it } from 'vitest';
import { createSealer } from '../seal.js';
import type { StorageAdapter } from '../storage/types.js';
import { verifyStorage } from '../verify.js';
import { makeRecord, makeSigningKey } from './fixtures.js';
import { legacyDatabase } from './legacy.js';

/** Upgrading a version-1 database with records in it: they survive, verify, and the chain goes on. */
export function itUpgradesFromVersion1(open: (sql: string) => Promise<{ storage: StorageAdapter; cleanup(): Promise<void> }>, seqType: 'INTEGER' | 'BIGINT') {
  it('upgrades a version-1 database with records: they verify, order by decision time, and the chain continues', async () => {
    const key = makeSigningKey();
    const consentId = '22222222-3333-4444-8555-666666666666';
    const legacy = legacyDatabase(key, 4, seqType, consentId);
    const { storage, cleanup } = await open(legacy.sql);
    try {
      expect(await storage.migrate()).toBe(SCHEMA_VERSION);
      expect(await verifyStorage(storage)).toEqual({ ok: true, chains: 1, records: 4 });
      expect((await storage.findByRecordId(legacy.recordIds[1]!))?.tree).toBeNull();
      const history = await storage.listByConsentId(consentId, 10);
      expect(history.map((r) => r.recordId)).toEqual([...legacy.recordIds].reverse());
      expect(history.map((r) => r.decidedAt)).toEqual(history.map((r) => new Date(JSON.parse(r.body).timestamp as string).toISOString()));
      const [next] = await storage.append('main', [{ record: makeRecord({ consentId }), receivedAt: new Date().toISOString(), ip: null }], createSealer(key));
      expect(next!.row.seq).toBe(5);
      expect(await verifyStorage(storage)).toEqual({ ok: true, chains: 1, records: 5 });
      // A replay of a pre-upgrade record is still recognised.
      const replay = await storage.append('main', [{ record: { ...makeRecord(), recordId: legacy.recordIds[0]! }, receivedAt: new Date().toISOString(), ip: null }], createSealer(key));
      expect(replay[0]!.status).toBe('existing');
    } finally {
      await cleanup();
    }
  });
}
