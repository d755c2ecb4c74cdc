import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createSealer } from '../seal.js';
import { makeRecord, makeSigningKey } from '../test-utils/fixtures.js';
import { verifyStorage } from '../verify.js';
import { describeStorageContract } from '../test-utils/adapter-contract.js';
import { itUpgradesFromVersion1 } from '../test-utils/upgrade-contract.js';
import { postgresForTests, uniqueSchema } from '../test-utils/postgres.js';
import { createPostgresStorage, dropPostgresSchema } from './postgres.js';

const url = await postgresForTests();

if (url) {
  describeStorageContract(`PostgreSQL (${url})`, async () => {
    const schema = uniqueSchema();
    const storage = createPostgresStorage({ connectionString: url, schema });
    return {
      storage,
      async exec(sql) {
        const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
        await client.connect();
        try {
          await client.query(sql);
        } finally {
          await client.end();
        }
      },
      async cleanup() {
        await storage.close();
        await dropPostgresSchema(url, schema);
      },
    };
  });

  describe('PostgreSQL upgrade', () => {
    itUpgradesFromVersion1(async (sql) => {
      const schema = uniqueSchema();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE SCHEMA ${schema}; SET search_path = ${schema}; ${sql}`);
      } finally {
        await client.end();
      }
      const storage = createPostgresStorage({ connectionString: url, schema });
      return {
        storage,
        async cleanup() {
          await storage.close();
          await dropPostgresSchema(url, schema);
        },
      };
    }, 'BIGINT');
  });

  describe('PostgreSQL connection hygiene', () => {
    const schemas: string[] = [];
    const open = async (extra: { options?: string; poolSize?: number } = {}) => {
      const schema = uniqueSchema();
      schemas.push(schema);
      const u = new URL(url);
      if (extra.options) u.searchParams.set('options', extra.options);
      const storage = createPostgresStorage({ connectionString: u.toString(), schema, poolSize: extra.poolSize ?? 10 });
      await storage.migrate();
      const raw = async (sql: string) => {
        const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
        await client.connect();
        try {
          return (await client.query(sql)).rows;
        } finally {
          await client.end();
        }
      };
      return { storage, raw };
    };
    afterEach(async () => {
      for (const s of schemas.splice(0)) await dropPostgresSchema(url, s);
    });
    const input = (consentId?: string) => ({ record: makeRecord(consentId ? { consentId } : {}), receivedAt: new Date().toISOString(), ip: null });

    it('commits with synchronous_commit on even when the server or role default is off', async () => {
      const { storage, raw } = await open({ options: '-c synchronous_commit=off' });
      try {
        // A trigger writes down the setting each insert really ran with.
        await raw(`CREATE TABLE seen (setting TEXT);
          CREATE FUNCTION note() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO seen VALUES (current_setting('synchronous_commit')); RETURN NEW; END $$;
          CREATE TRIGGER note BEFORE INSERT ON consentry_record_ids FOR EACH ROW EXECUTE FUNCTION note();`);
        await storage.append('main', [input(), input()], createSealer(makeSigningKey()));
        expect((await raw('SELECT setting FROM seen')).map((r) => r.setting)).toEqual(['on', 'on']);
        expect(await storage.durability()).toMatchObject({ synchronous_commit: 'on', fsync: 'on' });
      } finally {
        await storage.close();
      }
    });

    it('does not hand a connection whose ROLLBACK failed to the next caller', async () => {
      const { storage, raw } = await open({ poolSize: 1 });
      const key = makeSigningKey();
      await storage.putPublicKey({ keyId: key.keyId, publicKey: key.publicKeyRaw, createdAt: new Date().toISOString() });
      const bad = '99999999-9999-4999-8999-999999999999';
      await raw(`CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by test trigger'; END $$;
        CREATE TRIGGER refuse BEFORE INSERT ON consentry_record_ids FOR EACH ROW WHEN (NEW.record_id LIKE '%') EXECUTE FUNCTION refuse();`);
      // The one fault injected: the next ROLLBACK is lost on the way (as on a network blip), so
      // the real server-side session stays inside its aborted transaction.
      const query = pg.Client.prototype.query;
      let dropped = 0;
      pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
        if (args[0] === 'ROLLBACK' && dropped === 0) {
          dropped += 1;
          return Promise.reject(new Error('connection reset while sending ROLLBACK'));
        }
        return (query as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof query;
      try {
        await expect(storage.append('main', [input(bad)], createSealer(key))).rejects.toThrow('refused by test trigger');
      } finally {
        pg.Client.prototype.query = query;
      }
      expect(dropped).toBe(1);
      await raw('DROP TRIGGER refuse ON consentry_record_ids');
      // With the broken session back in the pool this would fail: "current transaction is aborted".
      const [ok] = await storage.append('main', [input()], createSealer(key));
      expect(ok!.status).toBe('created');
      expect(await verifyStorage(storage)).toMatchObject({ ok: true, records: 1 });
      await storage.close();
    });

    it('keeps records in monthly partitions created ahead, and retention drops whole months', async () => {
      const { storage, raw } = await open();
      const key = makeSigningKey();
      await storage.putPublicKey({ keyId: key.keyId, publicKey: key.publicKeyRaw, createdAt: new Date().toISOString() });
      try {
        const month = (offset: number) => {
          const d = new Date();
          d.setUTCDate(1);
          d.setUTCMonth(d.getUTCMonth() + offset);
          return d.toISOString().slice(0, 7);
        };
        const parts = async () =>
          (await raw(`SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'consentry_records'::regclass ORDER BY 1`)).map((r) => r.relname as string);
        // Created ahead: this month and the next three exist before any record.
        expect(await parts()).toEqual([0, 1, 2, 3].map((o) => `consentry_records_y${month(o).replace('-', 'm')}`));
        expect((await raw(`SELECT partstrat FROM pg_partitioned_table WHERE partrelid = 'consentry_records'::regclass`))[0]).toEqual({ partstrat: 'r' });
        // Records that arrived in older months (a missing month partition is created on demand).
        const at = (m: string) => ({ ...input(), receivedAt: `${m}-15T12:00:00.000Z` });
        const seal = createSealer(key);
        await storage.append('a', [at(month(-3)), at(month(-3))], seal);
        await storage.append('b', [at(month(-3))], seal);
        await storage.append('a', [at(month(-2))], seal);
        await storage.append('b', [at(month(-1)), at(month(0))], seal);
        await storage.append('a', [at(month(0))], seal);
        expect(await parts()).toContain(`consentry_records_y${month(-3).replace('-', 'm')}`);
        // Cut-off inside month -1: months -3 and -2 end before it and go; month -1 stays whole.
        expect(await storage.purge(`${month(-1)}-20T00:00:00.000Z`)).toBe(4);
        const left = await parts();
        expect(left).not.toContain(`consentry_records_y${month(-3).replace('-', 'm')}`);
        expect(left).not.toContain(`consentry_records_y${month(-2).replace('-', 'm')}`);
        expect(left).toContain(`consentry_records_y${month(-1).replace('-', 'm')}`);
        expect((await storage.heads()).map((x) => [x.chain, x.baseSeq, x.seq])).toEqual([
          ['a', 3, 4],
          ['b', 1, 3],
        ]);
        expect(await verifyStorage(storage)).toEqual({ ok: true, chains: 2, records: 3 });
        // The record ids of dropped months are gone too: the same id can be stored again as new.
        expect(Number((await raw('SELECT count(*) AS n FROM consentry_record_ids'))[0].n)).toBe(3);
      } finally {
        await storage.close();
      }
    });
  });
} else {
  describe('storage contract: PostgreSQL', () => {
    it.skip('skipped: PostgreSQL not reachable (set CONSENTRY_REQUIRE_PG=1 to fail instead)', () => undefined);
  });
}
