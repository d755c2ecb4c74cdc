import pg from 'pg';
import { describe, it } from 'vitest';
import { describeStorageContract } from '../test-utils/adapter-contract.js';
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
} else {
  describe('storage contract: PostgreSQL', () => {
    it.skip('skipped: PostgreSQL not reachable (set CONSENTRY_REQUIRE_PG=1 to fail instead)', () => undefined);
  });
}
